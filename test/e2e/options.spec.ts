import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { markedTexts, sortedMarks } from './support/marks';
import { readCard } from './support/card';
import { hover } from './support/pointer';
import { setStoredSettings } from './support/storage';

async function cardsPage(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/cards.html`);
  await expect.poll(async () => (await markedTexts(page)).length).toBe(21);
  return page;
}

async function openCardFor(page: Page, name: string, drug: string) {
  await page.bringToFront();
  await hover(page, name);
  await expect.poll(async () => (await readCard(page))?.drug).toBe(drug);
}

test('limiting regulators to the EU shows only EU approvals on the card', async ({ context, pageOrigin, openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  const regulators = options.getByRole('group', { name: 'Approvals from these regulators' });
  for (const name of ['US FDA', 'Japan (MHLW)', 'UK MHRA', 'Health Canada', 'China (NMPA)', 'Korea (MFDS)']) {
    await regulators.getByRole('checkbox', { name, exact: true }).uncheck();
  }
  await expect(regulators.getByRole('checkbox', { checked: true })).toHaveCount(1);
  await expect(regulators.getByRole('checkbox', { name: 'EU (EC/EMA)' })).toBeChecked();
  const page = await cardsPage(context, pageOrigin);
  await openCardFor(page, 'Olumiant', 'baricitinib');
  const text = (await readCard(page))!.text;
  expect(text).toContain('EU (EC/EMA): approved');
  for (const other of ['US FDA:', 'Japan (MHLW):', 'UK MHRA:']) expect(text).not.toContain(other);
});

test('hiding brand names stops marking Rinvoq while upadacitinib stays marked', async ({ context, pageOrigin, openExtensionPage }) => {
  const page = await cardsPage(context, pageOrigin);
  const options = await openExtensionPage('options.html');
  await options.getByRole('checkbox', { name: /Brand names/ }).uncheck();
  // The page is scanned again with the new names: wait for the whole page, 21 marks less the 8 brands.
  await expect.poll(async () => (await sortedMarks(page)).length).toBe(13);
  const marks = await sortedMarks(page);
  expect(marks).not.toContain('Rinvoq');
  expect(marks).toContain('upadacitinib');
  expect(marks).toContain('ABT-494');
  expect(marks.filter((m) => ['Cibinqo', 'Olumiant', 'Opzelura', 'Corectim', 'Xeljanz'].includes(m))).toEqual([]);
});

test('the mark style applies live, and with no mark the card still opens', async ({ context, pageOrigin, openExtensionPage }) => {
  const page = await cardsPage(context, pageOrigin);
  const options = await openExtensionPage('options.html');
  await options.getByRole('radio', { name: /No mark/ }).check();
  await expect(options.getByRole('status')).toHaveText('Saved. Open pages update at once.');
  const decoration = () =>
    page.evaluate(() => {
      const sheet = document.adoptedStyleSheets.find((s) => [...s.cssRules].some((r) => r.cssText.includes('::highlight(jak-lens)')));
      return [...sheet!.cssRules].find((r) => r.cssText.startsWith('::highlight(jak-lens)'))!.cssText;
    });
  await expect.poll(decoration).not.toContain('underline');
  await openCardFor(page, 'Xeljanz', 'tofacitinib');
});

test('a site on the list is left untouched, live and after a reload', async ({ context, pageOrigin, openExtensionPage }) => {
  const page = await cardsPage(context, pageOrigin);
  const options = await openExtensionPage('options.html');
  const input = options.getByRole('textbox', { name: /Add a site/ });
  await input.fill('not a host!');
  await options.getByRole('button', { name: 'Add site' }).click();
  await expect(options.getByText('Enter a host name such as')).toBeVisible();
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await input.fill('http://127.0.0.1/some/path');
  await options.getByRole('button', { name: 'Add site' }).click();
  await expect(options.getByRole('list', { name: 'Listed sites' }).getByRole('listitem')).toHaveText(['127.0.0.1Remove']);
  await expect.poll(async () => (await markedTexts(page)).length).toBe(0);
  await page.reload();
  await page.waitForTimeout(800);
  expect(await markedTexts(page)).toEqual([]);
  expect(await page.evaluate(() => document.querySelector('jak-lens-ui'))).toBeNull();
});

test('a bad import is refused with a message that names the problem, and the settings stay as they were', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await options.getByRole('radio', { name: 'Background tint' }).check();
  await expect(options.getByRole('status')).toHaveText('Saved. Open pages update at once.');
  const file = options.getByLabel('Import settings from a file');
  await file.setInputFiles({
    name: 'settings.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ app: 'jak-lens', version: 2, settings: { markStyle: 'glitter' } })),
  });
  await expect(options.getByRole('alert')).toContainText('Import refused, nothing was changed. The file\'s');
  await expect(options.getByRole('alert')).toContainText('is not valid');
  await options.reload();
  await expect(options.getByRole('radio', { name: 'Background tint' })).toBeChecked();
});

test('export and import round-trip the settings; reset asks first', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await options.getByRole('checkbox', { name: /Boxed warning/ }).uncheck();
  await expect(options.getByRole('status')).toHaveText('Saved. Open pages update at once.');
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export settings' }).click()]);
  const exported = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(exported).toString('utf8');
  expect(JSON.parse(text)).toMatchObject({ app: 'jak-lens', version: 3, settings: { sections: { boxedWarning: false }, openPdfs: true } });

  await options.getByRole('button', { name: 'Reset to defaults…' }).click();
  await options.getByRole('group', { name: 'Confirm reset' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(options.getByRole('checkbox', { name: /Boxed warning/ })).not.toBeChecked();
  await options.getByRole('button', { name: 'Reset to defaults…' }).click();
  await options.getByRole('button', { name: 'Reset all settings' }).click();
  await expect(options.getByRole('checkbox', { name: /Boxed warning/ })).toBeChecked();

  await options.getByLabel('Import settings from a file').setInputFiles({ name: 'jak-lens-settings.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(options.getByRole('status')).toHaveText('Imported jak-lens-settings.json.');
  await expect(options.getByRole('checkbox', { name: /Boxed warning/ })).not.toBeChecked();
});

test('a damaged stored value falls back to defaults and the options page says what was reset', async ({ context, openExtensionPage }) => {
  await setStoredSettings(context, { markStyle: 'tint', dwellMs: 'soon', regulators: 'all' });
  const options = await openExtensionPage('options.html');
  await expect(options.getByRole('alert')).toHaveText('Some saved settings could not be read and were reset to their defaults: regulators, hover delay.');
  await expect(options.getByRole('radio', { name: 'Background tint' })).toBeChecked();
  await expect(options.getByRole('spinbutton')).toHaveValue('300');
});

test('the options page shows the keyboard shortcuts and passes axe-core, light and dark', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await expect(options.getByRole('listitem').filter({ hasText: 'Go to the next JAK inhibitor mention' })).toContainText('Alt+Shift+J');
  await expect(options.getByRole('listitem').filter({ hasText: 'Go to the previous JAK inhibitor mention' })).toContainText('Alt+Shift+K');
  for (const scheme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page: options }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), scheme).toEqual([]);
  }
});
