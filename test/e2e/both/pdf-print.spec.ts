import { readPrintedCopy } from '../support/printed-copy';
import { FAST, clickOn, expect, test } from './fixtures';

// What the PDF viewer prints, read from the printed copy itself: each browser prints the viewer to
// a PDF (Playwright's page.pdf in Chromium, WebDriver BiDi's browsingContext.print in Firefox),
// which is then read sheet by sheet. window.print() itself opens a dialog no test can drive, so it
// is replaced by a counter: Print and Ctrl+P must call it once every page is drawn.

test('Ctrl+P prints every page, a page to a sheet the size of the PDF’s page (A4 here) whatever the zoom, not inverted in dark mode, with no toolbar', async ({ jak }) => {
  const viewer = await jak.openExtensionPage(`pdf.html?file=${encodeURIComponent(`${jak.origin}/pdf/a4.pdf`)}`, '.page[data-drawn]');
  // Zoomed in and dark on screen: neither must reach the paper. Page 3 is too far down to be drawn yet.
  await clickOn(viewer, '#zoom-in');
  await clickOn(viewer, '#theme');
  const drawn = () => viewer.evaluate(() => document.querySelectorAll('.page[data-drawn]').length, null);
  await expect.poll(drawn, FAST).toBeLessThan(3);
  await viewer.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  }, null);
  await viewer.press('Control+P');
  await expect.poll(() => viewer.evaluate(() => (window as unknown as { printed: number }).printed, null), FAST).toBe(1);
  expect(await drawn()).toBe(3);

  const sheets = await readPrintedCopy(await viewer.printToPdf());
  expect(sheets).toHaveLength(3);
  for (const sheet of sheets) {
    // A4 is 595 by 842 points (both browsers' own default sheet is US Letter, 612 by 792).
    expect(Math.abs(sheet.width - 595.28), `sheet width ${sheet.width}`).toBeLessThan(1.5);
    expect(Math.abs(sheet.height - 841.89), `sheet height ${sheet.height}`).toBeLessThan(1.5);
    expect(sheet.pictures).toHaveLength(1);
    // A white page with black text, as printed on paper (inverted, it would be nearly black).
    expect(sheet.pictures[0]).toBeGreaterThan(200);
    expect(sheet.text).not.toMatch(/Download|Print|Find in document/);
  }
});
