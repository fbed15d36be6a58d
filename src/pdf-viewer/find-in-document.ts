import type { TextItemLike } from './document-index';

// Find in the document: every page's text, not only the pages drawn near the screen. A page's text
// is put together the way its text layer shows it (the items one after another, a line end as a
// line break), so a place found in it is the same place among the text layer's text nodes once the
// page is drawn. Matching ignores case; a query may not span a line end.

/** One place a query was found: the page, and where in its text. */
export interface Found {
  page: number;
  start: number;
  end: number;
}

/** A page's text as its text layer holds it: items in order, "\n" where a line ends. */
export function pageTextOf(items: readonly TextItemLike[]): string {
  let text = '';
  for (const item of items) {
    if (item.str) text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return text;
}

/** Every place `query` occurs in the pages' texts (index 0 is page 1), in reading order. */
export function findAll(pageTexts: readonly string[], query: string): Found[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const found: Found[] = [];
  pageTexts.forEach((text, i) => {
    const hay = text.toLowerCase();
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
      found.push({ page: i + 1, start: at, end: at + needle.length });
    }
  });
  return found;
}

/**
 * The range of [start, end) of a drawn page's text layer, counting its text nodes' characters and
 * a "\n" for each <br>, as pageTextOf does; null when the layer does not hold that much text.
 */
export function rangeInTextLayer(layer: Element, start: number, end: number): StaticRange | null {
  let offset = 0;
  let from: { node: Node; offset: number } | null = null;
  const walker = layer.ownerDocument.createTreeWalker(layer, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      if ((node as Element).localName === 'br') offset += 1;
      continue;
    }
    const length = (node as Text).data.length;
    if (!from && start < offset + length) from = { node, offset: start - offset };
    if (from && end <= offset + length) {
      return new StaticRange({ startContainer: from.node, startOffset: from.offset, endContainer: node, endOffset: end - offset });
    }
    offset += length;
  }
  return null;
}

/** The document's page texts, read once on the first search. */
export class DocumentText {
  private texts: Promise<string[]> | null = null;

  constructor(private readonly source: { numPages: number; pageText(page: number): Promise<readonly TextItemLike[]> }) {}

  all(): Promise<string[]> {
    this.texts ??= (async () => {
      const texts: string[] = [];
      for (let n = 1; n <= this.source.numPages; n++) texts.push(pageTextOf(await this.source.pageText(n).catch(() => [])));
      return texts;
    })();
    return this.texts;
  }
}
