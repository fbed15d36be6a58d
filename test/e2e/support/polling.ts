/**
 * Poll intervals for what appears within a few hundred milliseconds (a card opens 300 ms after the
 * pointer rests): Playwright's default back-off would look again only after a second.
 */
export const FAST = { intervals: [50, 100, 150, 250] };

/**
 * For the marks of the first PDF a freshly started browser opens, when nothing else waited for it
 * to be drawn: the browser first compiles pdf.js and its worker, which took up to 9 s on a busy
 * 2-core machine (both browsers' tests run at once).
 */
export const FIRST_PDF = { ...FAST, timeout: 15_000 };
