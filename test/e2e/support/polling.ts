/**
 * Poll intervals for what appears within a few hundred milliseconds (a card opens 300 ms after the
 * pointer rests): Playwright's default back-off would look again only after a second.
 */
export const FAST = { intervals: [50, 100, 150, 250] };
