import type { Page } from '@playwright/test';
import { pointOf } from './marks';

// Moving the pointer as a reader would: scroll the text into view, then rest on it.

export async function hover(page: Page, text: string, occurrence = 0) {
  await scrollToText(page, text, occurrence);
  const point = await pointOf(page, text, occurrence);
  await page.mouse.move(point.x, point.y, { steps: 2 });
  return point;
}

/** Brings the n-th occurrence of a text to the middle of the viewport, as a reader scrolling would. */
export async function scrollToText(page: Page, text: string, occurrence = 0) {
  await page.evaluate(
    ([needle, n]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if ((node as Text).data.includes(needle) && seen++ === n) {
          node.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
          return;
        }
      }
    },
    [text, occurrence] as const,
  );
}

