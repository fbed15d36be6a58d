import type { Frame, Page } from '@playwright/test';

/**
 * The texts JAK Lens has marked, read the way any page script could: from the
 * document's CSS highlight registry. The DOM itself carries no trace of them.
 */
export function markedTexts(target: Page | Frame, highlight = 'jak-lens'): Promise<string[]> {
  return target.evaluate((name) => {
    const h = CSS.highlights.get(name);
    if (!h) return [];
    return [...h].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  }, highlight);
}

/** Sorted, for comparing against an expected multiset. */
export async function sortedMarks(target: Page | Frame, highlight?: string): Promise<string[]> {
  return (await markedTexts(target, highlight)).sort();
}

/**
 * The centre of the first client rect of the n-th occurrence of `text` in the
 * page, or of the characters [from, to) of it when `part` is given.
 */
export function pointOf(page: Page, text: string, occurrence = 0, part?: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([needle, n, [from, to]]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const data = (node as Text).data;
        let i = data.indexOf(needle);
        while (i >= 0) {
          if (seen++ === n) {
            const range = document.createRange();
            range.setStart(node, i + from);
            range.setEnd(node, i + (to < 0 ? needle.length : to));
            const rect = range.getClientRects()[0]!;
            return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
          }
          i = data.indexOf(needle, i + 1);
        }
      }
      throw new Error(`text not found: ${needle}`);
    },
    [text, occurrence, part ?? [0, -1]] as const,
  );
}
