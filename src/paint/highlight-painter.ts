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
  private readonly sheet = new CSSStyleSheet();
  private readonly styled = new Set<Document | ShadowRoot>();
  /** The ranges in `highlight`, mirrored: asking a JavaScript set is much cheaper than asking the highlight. */
  private painted = new Set<AbstractRange>();

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
   * Shows exactly these mentions. A scan reports the whole list after each of
   * its slices, so only the ranges that are new are added and only those gone
   * are removed: re-adding thousands of ranges every slice cost more than the scan.
   */
  paint(mentions: readonly PageMention[]): void {
    const wanted = new Set<AbstractRange>();
    for (const mention of mentions) {
      const range = mention.range;
      wanted.add(range);
      if (this.painted.has(range)) continue;
      this.highlight.add(range);
      const root = range.startContainer.getRootNode();
      if (root instanceof ShadowRoot || root === this.doc) this.adoptStyle(root as Document | ShadowRoot);
    }
    for (const range of this.painted) if (!wanted.has(range)) this.highlight.delete(range);
    this.painted = wanted;
    if (mentions.length === 0) this.setActive(null);
  }

  /** Emphasises the mention under the pointer (or none). */
  setActive(mention: PageMention | null): void {
    this.active.clear();
    if (mention) this.active.add(mention.range);
  }

  destroy(): void {
    if (CSS.highlights.get(HIGHLIGHT) === this.highlight) CSS.highlights.delete(HIGHLIGHT);
    if (CSS.highlights.get(ACTIVE_HIGHLIGHT) === this.active) CSS.highlights.delete(ACTIVE_HIGHLIGHT);
    for (const root of this.styled) {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.sheet);
    }
    this.styled.clear();
  }

  /** Chrome lets highlight styles cross into shadow trees, Firefox does not: style each root. */
  private adoptStyle(root: Document | ShadowRoot): void {
    if (this.styled.has(root)) return;
    this.styled.add(root);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
  }
}
