import type { Page } from '@playwright/test';
import { pointOfTextInPage } from './in-page';

/** Moves the pointer as a reader would: scrolls the text into view, then rests on it. */
export async function hover(page: Page, text: string, occurrence = 0) {
  const point = await page.evaluate(pointOfTextInPage, { text, occurrence, from: 0, to: -1, scroll: true });
  await page.mouse.move(point.x, point.y, { steps: 2 });
  return point;
}

/** Brings the n-th occurrence of a text to the middle of the viewport, as a reader scrolling would. */
export async function scrollToText(page: Page, text: string, occurrence = 0) {
  await page.evaluate(pointOfTextInPage, { text, occurrence, from: 0, to: -1, scroll: true });
}
