// Functions that run inside a page. Each driver (Playwright for Chromium, puppeteer for Firefox)
// serialises them into the page, so each takes a single argument and uses nothing but the page's
// own globals: no imports, no helpers from this file.

/** The texts painted under a highlight name, read from the document's CSS highlight registry. */
export function markedTextsInPage(highlight: string): string[] {
  const h = CSS.highlights.get(highlight);
  if (!h) return [];
  return [...h].map((r) => {
    const range = document.createRange();
    range.setStart((r as StaticRange).startContainer, (r as StaticRange).startOffset);
    range.setEnd((r as StaticRange).endContainer, (r as StaticRange).endOffset);
    return range.toString();
  });
}

export interface TextTarget {
  text: string;
  occurrence: number;
  /** Characters [from, to) of the text; to < 0 means its end. */
  from: number;
  to: number;
  /** Scroll the text's block to the middle of the viewport first, as a reader would. */
  scroll: boolean;
}

/** The centre of the first client rect of the n-th occurrence of a text (or of part of it). */
export function pointOfTextInPage(target: TextTarget): { x: number; y: number } {
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    let i = data.indexOf(target.text);
    while (i >= 0) {
      if (seen++ === target.occurrence) {
        if (target.scroll) node.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
        const range = document.createRange();
        range.setStart(node, i + target.from);
        range.setEnd(node, i + (target.to < 0 ? target.text.length : target.to));
        const rect = range.getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      i = data.indexOf(target.text, i + 1);
    }
  }
  throw new Error(`text not found: ${target.text}`);
}

/**
 * The marks and the names the page shows, read in one animation frame: JAK Lens applies a
 * page's changes in the frame after them, so by then the two must agree. Null when a change
 * landed between its frame and this read (the caller polls again).
 */
export function marksBesideShownNames(a: { rootId: string; names: string[] }): Promise<[string[], string[]] | null> {
  return new Promise((done) =>
    requestAnimationFrame(() => {
      const shown = document.getElementById(a.rootId)!.innerText.match(new RegExp(a.names.join('|'), 'g')) ?? [];
      try {
        const marked = [...(CSS.highlights.get('jak-lens') ?? [])].map((r) => {
          const range = document.createRange();
          range.setStart((r as StaticRange).startContainer, (r as StaticRange).startOffset);
          range.setEnd((r as StaticRange).endContainer, (r as StaticRange).endOffset);
          return range.toString();
        });
        done([[...shown].sort(), marked.sort()]);
      } catch {
        done(null);
      }
    }),
  );
}

/** The centre of the first element matching a selector (and containing a text, when given), scrolled into view. */
export function centreOfElementInPage(target: { selector: string; text?: string }): { x: number; y: number } {
  const element = [...document.querySelectorAll(target.selector)].find((e) => target.text === undefined || (e.textContent ?? '').includes(target.text));
  if (!element) throw new Error(`no element ${target.selector} with text ${target.text}`);
  element.scrollIntoView({ block: 'center', behavior: 'instant' });
  const rect = element.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

/**
 * On a page of paragraphs with one mention each: how many are marked, whether every paragraph on
 * screen is, and whether two given paragraphs are. Optionally scrolls a paragraph into view first.
 */
export function markedParagraphsInPage(a: { scrollTo: string | null; first: string; last: string }): { count: number; onScreenMarked: boolean; first: boolean; last: boolean } {
  if (a.scrollTo) document.getElementById(a.scrollTo)!.scrollIntoView({ block: 'center', behavior: 'instant' });
  const ids = new Set([...(CSS.highlights.get('jak-lens') ?? [])].map((r) => (r as StaticRange).startContainer.parentElement!.id));
  const onScreen = [...document.querySelectorAll('p')].filter((p) => {
    const rect = p.getBoundingClientRect();
    return rect.bottom > 0 && rect.top < innerHeight;
  });
  return { count: ids.size, onScreenMarked: onScreen.length > 0 && onScreen.every((p) => ids.has(p.id)), first: ids.has(a.first), last: ids.has(a.last) };
}
