import type { Frame, Page } from '@playwright/test';
import { markedTextsInPage, pointOfTextInPage } from './in-page';

/**
 * The texts JAK Lens has marked, read the way any page script could: from the
 * document's CSS highlight registry. The DOM itself carries no trace of them.
 */
export function markedTexts(target: Page | Frame, highlight = 'jak-lens'): Promise<string[]> {
  return target.evaluate(markedTextsInPage, highlight);
}

/**
 * The centre of the first client rect of the n-th occurrence of `text` in the
 * page, or of the characters [from, to) of it when `part` is given.
 */
export function pointOf(page: Page, text: string, occurrence = 0, part: [number, number] = [0, -1]): Promise<{ x: number; y: number }> {
  return page.evaluate(pointOfTextInPage, { text, occurrence, from: part[0], to: part[1], scroll: false });
}

/** Sorted, for comparing against an expected multiset. */
export async function sortedMarks(target: Page | Frame, highlight?: string): Promise<string[]> {
  return (await markedTexts(target, highlight)).sort();
}
