import type { Tab } from '../drivers/browser-under-test';
import { FAST, clickOn, expect, expectCardOf, hover, openPage, test } from './fixtures';

test('unticking a card section hides it in a card already open in another tab, without a reload', async ({ jak }) => {
  const page = await openPage(jak, '/cards.html', 21);
  await hover(page, 'Rinvoq');
  expect((await expectCardOf(page, 'upadacitinib')).sections).toContain('viralRisk');
  const options = await jak.openExtensionPage('options.html', 'input[type="checkbox"]');
  await clickOn(options, 'label', 'Viral-infection risk');
  await expect.poll(() => options.evaluate(() => document.querySelector('[role="status"]')?.textContent, null), FAST).toBe('Saved. Open pages update at once.');
  await expect.poll(async () => (await page.readCard())?.sections, FAST).toEqual(['selectivity', 'approval', 'boxedWarning', 'prophylaxis', 'sources']);
});

test('“Open PDFs in JAK Lens’s viewer” is on by default, and unticking it is kept', async ({ jak }) => {
  const pdfBox = (options: Tab) =>
    options.evaluate(() => {
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.includes('PDF'));
      return label ? { text: label.textContent!.trim(), checked: label.querySelector('input')!.checked } : null;
    }, null);
  const label = 'Open PDFs in JAK Lens’s viewer, so the names in them are marked too';
  const options = await jak.openExtensionPage('options.html', 'input[type="checkbox"]');
  expect(await pdfBox(options)).toEqual({ text: label, checked: true });
  await clickOn(options, 'label', 'Open PDFs in JAK Lens');
  await expect.poll(() => options.evaluate(() => document.querySelector('[role="status"]')?.textContent, null), FAST).toBe('Saved. Open pages update at once.');
  // Opened again (a new tab: a driver's reload of an extension page never settles in Firefox).
  const again = await jak.openExtensionPage('options.html', 'input[type="checkbox"]');
  expect(await pdfBox(again)).toEqual({ text: label, checked: false });
});
