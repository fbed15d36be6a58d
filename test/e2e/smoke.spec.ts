import { test, expect } from './fixtures';
import { isolatedWorldNames } from './support/isolated-worlds';
import { markedTexts } from './support/marks';

test('the content script is injected into a page served from 127.0.0.1', async ({ context, pageOrigin, extensionId }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  const page = await context.newPage();
  await page.goto(`${pageOrigin}/smoke.html`);
  const worlds = await isolatedWorldNames(context, page);
  await expect.poll(worlds).toContain('JAK Lens');
  await expect.poll(() => markedTexts(page)).toEqual(['upadacitinib']);
  // The page's own text is untouched.
  await expect(page.locator('article p')).toHaveText('Patients started on upadacitinib 15 mg once daily were reviewed at week 16.');
});

test('the popup opens and renders', async ({ openExtensionPage }) => {
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByRole('heading', { name: 'JAK Lens' })).toBeVisible();
});

test('the options page opens and renders', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await expect(options.getByRole('heading', { name: 'JAK Lens options' })).toBeVisible();
});
