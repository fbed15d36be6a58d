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
