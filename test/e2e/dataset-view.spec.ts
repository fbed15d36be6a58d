import { test, expect } from './fixtures';

test('"About the data" opens the bundled dataset view from the popup', async ({ context, openExtensionPage, extensionId }) => {
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByText(/facts current as of 22 Nov 2026/)).toBeVisible();
  const [view] = await Promise.all([context.waitForEvent('page'), popup.getByRole('link', { name: 'About the data' }).click()]);
  await view.waitForLoadState();
  expect(view.url()).toBe(`chrome-extension://${extensionId}/dataset.html`);
  await expect(view.getByRole('heading', { level: 1 })).toHaveText('JAK Lens: the bundled reference');
  for (const drug of ['Abrocitinib', 'Upadacitinib', 'Baricitinib', 'Ruxolitinib', 'Delgocitinib', 'Tofacitinib']) {
    await expect(view.getByRole('heading', { level: 2, name: drug })).toBeVisible();
  }
  // A figure a clinician would look for, with its citation.
  await expect(view.locator('#abrocitinib ~ div table').filter({ hasText: 'Herpes zoster' }).first()).toContainText('4.34');
  await expect(view.locator('#S14')).toContainText('Integrated Safety Analysis of Abrocitinib');
});
