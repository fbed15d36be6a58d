import { PDFDocument } from 'pdf-lib';
import { test, expect } from './fixtures';
import { fixturePdf } from './support/pdfs';

// What the PDF viewer prints, read from the printed copy itself: Chromium alone can print a page
// to a PDF under automation (Playwright's page.pdf), so this is a Chromium-only spec. Both
// browsers' tests check that Print and Ctrl+P draw every page first (both/pdf-viewer.spec.ts).

test('printing gives one sheet per page at the PDF’s own size, whatever the zoom, in light colours even in dark mode', async ({ openExtensionPage, pageOrigin }) => {
  const viewer = await openExtensionPage(`pdf.html?file=${encodeURIComponent(`${pageOrigin}/pdf/names.pdf`)}`);
  await expect(viewer.locator('.page[data-drawn]').first()).toBeVisible();
  // Zoomed in and dark on screen: neither must reach the paper.
  await viewer.locator('#zoom-in').click();
  await expect(viewer.locator('#zoom-level')).toHaveText('150%');
  await viewer.locator('#theme').click();
  await expect(viewer.locator('.page[data-page-number="3"]')).not.toHaveAttribute('data-drawn');
  await viewer.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  // The reader's own shortcut prints the whole document, not only the pages drawn so far.
  await viewer.locator('#scroller').click({ position: { x: 5, y: 5 } });
  await viewer.keyboard.press('Control+P');
  await expect.poll(() => viewer.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  expect(await viewer.locator('.page[data-drawn]').count()).toBe(3);

  const source = await PDFDocument.load((await fixturePdf('names.pdf'))!);
  const printed = await PDFDocument.load(await viewer.pdf({ preferCSSPageSize: true, printBackground: true }));
  const sizeOf = (doc: PDFDocument, i: number) => doc.getPage(i).getSize();
  expect(printed.getPageCount()).toBe(source.getPageCount());
  for (let i = 0; i < source.getPageCount(); i++) {
    const [want, got] = [sizeOf(source, i), sizeOf(printed, i)];
    expect(Math.abs(got.width - want.width)).toBeLessThan(1);
    expect(Math.abs(got.height - want.height)).toBeLessThan(1);
  }
  // On paper: no toolbar, and the pages as they are, not inverted for the dark screen.
  await viewer.emulateMedia({ media: 'print' });
  expect(await viewer.locator('.toolbar').isVisible()).toBe(false);
  expect(await viewer.locator('.canvasWrapper').first().evaluate((e) => getComputedStyle(e).filter)).toBe('none');
});
