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

/**
 * happy-dom has no CSS Custom Highlight API. The painter only adds ranges to a
 * Highlight (a set) and registers it by name, so a set and a map stand in.
 */
export function shimHighlights(): void {
  (globalThis as { Highlight?: unknown }).Highlight ??= class extends Set<AbstractRange> {
    priority = 0;
  };
  // happy-dom's CSS is a getter that makes a new object on each read, so one with a registry replaces it.
  if (!('highlights' in CSS)) {
    const css = Object.assign(Object.create(CSS) as object, { highlights: new Map<string, unknown>() });
    Object.defineProperty(globalThis, 'CSS', { value: css, configurable: true, writable: true });
  }
  const sheet = CSSStyleSheet.prototype as { replaceSync?: (text: string) => void };
  sheet.replaceSync ??= () => undefined;
}
