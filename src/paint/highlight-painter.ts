import type { PageMention } from '../page/page-mention';
import type { MarkStyle } from '../settings/choices';

/** Highlight names JAK Lens registers; tests and tools count marks by this prefix. */
export const HIGHLIGHT = 'jak-lens';
export const ACTIVE_HIGHLIGHT = 'jak-lens-active';


/**
 * The look of a mark: quiet, readable on light and dark pages, and made only of
 * properties ::highlight() allows, so nothing can shift the layout.
 */
export function highlightCss(style: MarkStyle): string {
  const base =
    style === 'underline'
      ? `text-decoration: underline dotted 2px rgb(13 148 136); text-underline-offset: 3px;`
      : style === 'tint'
        ? `background-color: rgb(20 184 166 / 0.22); color: inherit;`
        : ``;
  return `
::highlight(${HIGHLIGHT}) { ${base} }
::highlight(${ACTIVE_HIGHLIGHT}) { background-color: rgb(20 184 166 / 0.32); text-decoration: underline solid 2px rgb(13 148 136); text-underline-offset: 3px; }
`;
}

/**
 * Up to this many mentions, all are in the highlight. The browser's work in every frame in which
 * anything on the page changes grows with the ranges it holds: 37-55 ms a frame for 6,000 ranges
 * on the benchmark's 5 MB page, about 1 ms for 50 (docs/decisions/0005).
 */
export const PAINT_ALL_UP_TO = 1000;
/** How far from the viewport a block's mentions are painted on a page with many: a viewport and a half above and below. */
const NEAR_VIEWPORT = '150% 0px';

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/**
 * Paints mentions with the CSS Custom Highlight API. The page's DOM is never
 * touched: the ranges live in the document's highlight registry and the style
 * in an adopted stylesheet of each document or shadow root that has marks.
 */
export class HighlightPainter {
  private readonly highlight = new Highlight();
  private readonly active = new Highlight();
  private activeRange: AbstractRange | null = null;
  private readonly sheet = new CSSStyleSheet();
  private readonly styled = new Set<Document | ShadowRoot>();
  /** The ranges in `highlight`, mirrored: asking a JavaScript set is much cheaper than asking the highlight. */
  private painted = new Set<AbstractRange>();
  /** On a page with many mentions: the mentions' ranges by block, and the blocks near the viewport. */
  private byBlock = new Map<Element, AbstractRange[]>();
  private readonly near = new Set<Element>();
  private nearObserver: IntersectionObserver | null = null;

  constructor(
    private readonly doc: Document,
    style: MarkStyle,
  ) {
    this.active.priority = 1;
    this.setStyle(style);
    CSS.highlights.set(HIGHLIGHT, this.highlight);
    CSS.highlights.set(ACTIVE_HIGHLIGHT, this.active);
  }

  setStyle(style: MarkStyle): void {
    this.sheet.replaceSync(highlightCss(style));
  }

  /**
   * Shows these mentions. A scan reports the whole list after each of its slices, so only the
   * ranges that are new are added and only those gone are removed: re-adding thousands of ranges
   * every slice cost more than the scan. On a page with more than PAINT_ALL_UP_TO mentions only
   * those whose block is near the viewport are in the highlight, kept so as the reader scrolls.
   */
  paint(mentions: readonly PageMention[]): void {
    if (mentions.length <= PAINT_ALL_UP_TO) {
      this.stopWindow();
      this.show(mentions.map((m) => m.range));
    } else {
      this.window(mentions);
    }
    if (mentions.length === 0) this.setActive(null);
  }

  /** Emphasises the mention under the pointer (or none). */
  setActive(mention: PageMention | null): void {
    // Any change to a highlight makes the browser repaint every highlighted range (150 ms a frame
    // on a page with 6,000 marks): the pointer, checked every frame, changes it only when it moves
    // to another mention.
    const range = mention?.range ?? null;
    if (range === this.activeRange) return;
    this.activeRange = range;
    this.active.clear();
    if (range) this.active.add(range);
  }

  destroy(): void {
    this.stopWindow();
    if (CSS.highlights.get(HIGHLIGHT) === this.highlight) CSS.highlights.delete(HIGHLIGHT);
    if (CSS.highlights.get(ACTIVE_HIGHLIGHT) === this.active) CSS.highlights.delete(ACTIVE_HIGHLIGHT);
    for (const root of this.styled) {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.sheet);
    }
    this.styled.clear();
  }

  /** Makes the highlight hold exactly these ranges, touching only those that changed. */
  private show(ranges: Iterable<AbstractRange>): void {
    const wanted = new Set<AbstractRange>();
    for (const range of ranges) {
      wanted.add(range);
      if (this.painted.has(range)) continue;
      this.highlight.add(range);
      const root = range.startContainer.getRootNode();
      if (root instanceof ShadowRoot || root === this.doc) this.adoptStyle(root as Document | ShadowRoot);
    }
    for (const range of this.painted) if (!wanted.has(range)) this.highlight.delete(range);
    this.painted = wanted;
  }

  /** Paints the mentions of the blocks near the viewport, and watches which blocks those are. */
  private window(mentions: readonly PageMention[]): void {
    this.nearObserver ??= new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) this.near.add(entry.target);
        else this.near.delete(entry.target);
      }
      this.showNear();
    }, { rootMargin: NEAR_VIEWPORT });
    const byBlock = new Map<Element, AbstractRange[]>();
    for (const { block, range } of mentions) {
      const list = byBlock.get(block);
      if (list) list.push(range);
      else byBlock.set(block, [range]);
    }
    for (const block of this.byBlock.keys()) {
      if (byBlock.has(block)) continue;
      this.nearObserver.unobserve(block);
      this.near.delete(block);
    }
    for (const block of byBlock.keys()) if (!this.byBlock.has(block)) this.nearObserver.observe(block);
    this.byBlock = byBlock;
    this.showNear();
  }

  private showNear(): void {
    const ranges: AbstractRange[] = [];
    for (const block of this.near) ranges.push(...(this.byBlock.get(block) ?? []));
    this.show(ranges);
  }

  private stopWindow(): void {
    this.nearObserver?.disconnect();
    this.nearObserver = null;
    this.byBlock = new Map();
    this.near.clear();
  }

  /** Chrome lets highlight styles cross into shadow trees, Firefox does not: style each root. */
  private adoptStyle(root: Document | ShadowRoot): void {
    if (this.styled.has(root)) return;
    this.styled.add(root);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
  }
}
