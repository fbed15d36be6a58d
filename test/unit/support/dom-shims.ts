// happy-dom has no StaticRange and no XPath. The scanner only stores a range's boundary points,
// and the test pages have no custom elements, so an empty XPath answer is the true one.
export function shimDomForScanner(): void {
  (globalThis as { StaticRange?: unknown }).StaticRange ??= class {
    constructor(init: StaticRangeInit) {
      Object.assign(this, init);
    }
  };
  (globalThis as { XPathResult?: unknown }).XPathResult ??= { ORDERED_NODE_SNAPSHOT_TYPE: 7 };
  (document as { evaluate: unknown }).evaluate = () => ({ snapshotLength: 0, snapshotItem: () => null });
}
