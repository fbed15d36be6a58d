import type { BrowserUnderTest, Tab } from '../drivers/browser-under-test';
import { FAST, clickOn, expect, expectCardOf, test } from './fixtures';

// The whole document, not only the pages drawn near the screen: the popup's counts with their
// pages, a step from the popup to a mention on a page far away, the keyboard's next and previous
// across pages (steps to pages not drawn yet, whose card data is not loaded yet: the case where
// the card left open used to close the new one), and a PDF with no text at all. On PDFs generated
// by support/pdfs.ts.

function openPdf(jak: BrowserUnderTest, name: string): Promise<Tab> {
  return jak.openExtensionPage(`pdf.html?file=${encodeURIComponent(`${jak.origin}/pdf/${name}`)}`, '.page[data-drawn]');
}

const text = (tab: Tab, selector: string) => tab.evaluate((s) => document.querySelector(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? null, selector);
const listed = (popup: Tab) =>
  popup.evaluate(() => [...document.querySelectorAll('.page-drug')].map((b) => `${b.querySelector('.drug-name')!.textContent}: ${b.querySelector('.count')!.textContent}`), null);
/** The page the card's mention is on, or null. */
const pageInView = (viewer: Tab) => viewer.evaluate(() => (document.getElementById('page-number') as HTMLInputElement).value, null);
const drawnPages = (viewer: Tab) => viewer.evaluate(() => document.querySelectorAll('.page[data-drawn]').length, null);

/** What the background sends the viewer's tab for the keyboard's next/previous-mention commands (see README, Tests). */
async function keyboardCommand(from: Tab, tabId: number, direction: 'next' | 'previous') {
  type Runtime = { runtime: { sendMessage(m: object): Promise<unknown> } };
  await from.evaluate((m) => {
    const api = globalThis as unknown as { browser?: Runtime; chrome?: Runtime };
    return (api.browser ?? api.chrome)!.runtime.sendMessage(m);
  }, { type: 'jak-lens/viewer-step', tabId, direction });
}

test('the popup lists every drug a PDF names with its count and pages, including pages not drawn yet', async ({ jak }) => {
  const viewer = await openPdf(jak, 'names.pdf');
  const tabId = await jak.tabIdOf(viewer);
  const popup = await jak.openExtensionPage(`popup.html?tab=${tabId}`, '.page-drug');
  await expect
    .poll(() => listed(popup), FAST)
    .toEqual(['abrocitinib: 3 mentions, pages 1-2', 'baricitinib: 2 mentions, page 2', 'upadacitinib: 2 mentions, page 1', 'tofacitinib: 1 mention, page 2']);

  const long = await openPdf(jak, 'long.pdf');
  const longTab = await jak.tabIdOf(long);
  // Forty pages, of which only those near the top are drawn.
  expect(await drawnPages(long)).toBeLessThan(10);
  const popupOfLong = await jak.openExtensionPage(`popup.html?tab=${longTab}`, '.page-drug');
  await expect
    .poll(() => listed(popupOfLong), FAST)
    .toEqual(['tofacitinib: 2 mentions, page 40', 'baricitinib: 1 mention, page 20', 'upadacitinib: 1 mention, page 1']);
});

test('choosing a drug in the popup goes to its mention on a page not drawn yet and opens its card', async ({ jak }) => {
  const viewer = await openPdf(jak, 'long.pdf');
  const tabId = await jak.tabIdOf(viewer);
  const popup = await jak.openExtensionPage(`popup.html?tab=${tabId}`, '.page-drug');
  await expect.poll(() => listed(popup), FAST).toContain('baricitinib: 1 mention, page 20');
  await clickOn(popup, '.page-drug', 'baricitinib');
  const card = await expectCardOf(viewer, 'baricitinib');
  expect(card.title.replace(/\s+/g, ' ')).toBe('Olumiant → is Baricitinib');
  await expect.poll(() => pageInView(viewer), FAST).toBe('20');
});

test('the next- and previous-mention commands go through the whole document, across pages and round its end', async ({ jak }) => {
  const viewer = await openPdf(jak, 'long.pdf');
  const tabId = await jak.tabIdOf(viewer);
  // The popup (it refreshes itself) says when the document has been read to its last page.
  const sender = await jak.openExtensionPage(`popup.html?tab=${tabId}`, '.on-this-page');
  await expect.poll(async () => (await listed(sender)).length, FAST).toBe(3);
  // The reader is looking at the viewer (a hidden tab gets no frames: Firefox draws nothing there).
  await viewer.bringToFront();
  // Each step shows the card of the mention it reached, on the page it is on (the page number
  // follows the scroll a frame later, so each is polled until both agree).
  const visit = async () => {
    const card = await viewer.readCard();
    return card?.visible ? `${card.title.replace(/\s+/g, ' ')} p${await pageInView(viewer)}` : 'no card';
  };
  const steps = [
    ['next', 'Upadacitinib p1'],
    ['next', 'Olumiant → is Baricitinib p20'],
    ['next', 'Xeljanz → is Tofacitinib p40'],
    ['next', 'Tofacitinib p40'],
    // Round the end, back to the first page, and back again.
    ['next', 'Upadacitinib p1'],
    ['previous', 'Tofacitinib p40'],
  ] as const;
  for (const [i, [direction, expected]] of steps.entries()) {
    await keyboardCommand(sender, tabId, direction);
    await expect.poll(visit, { ...FAST, message: `step ${i + 1}, ${direction}` }).toBe(expected);
  }
});

test('a PDF with no text on any page says so, in the viewer and in the popup', async ({ jak }) => {
  const viewer = await openPdf(jak, 'scan.pdf');
  const message = 'This PDF has no text layer (a scan, perhaps): there is no text for JAK Lens to read.';
  await expect.poll(() => text(viewer, '#status'), FAST).toBe(message);
  const popup = await jak.openExtensionPage(`popup.html?tab=${await jak.tabIdOf(viewer)}`, '.on-this-page');
  await expect.poll(() => text(popup, '.on-this-page .page-status'), FAST).toBe(message);
});
