import type { Tab } from '../drivers/browser-under-test';
import { FAST, clickOn, expect, expectCardOf, marks, marksInFrame, openPage, test } from './fixtures';

// The toolbar popup, opened in a tab of its own (browsers under automation cannot open the real
// popup); `?tab=` names the page it reports on, as the toolbar button does.

const text = (tab: Tab, selector: string) => tab.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
const texts = (tab: Tab, selector: string) => tab.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.textContent), selector);

test('lookup by generic, brand, code, salt, Japanese name and with typos shows the same card as on pages', async ({ jak }) => {
  const popup = await jak.openExtensionPage('popup.html', '[role="combobox"]');
  expect(await popup.evaluate(() => document.activeElement?.getAttribute('role'), null), 'the search box has focus').toBe('combobox');
  for (const [query, inn] of [
    ['upadacitinib', 'upadacitinib'],
    ['Rinvoq', 'upadacitinib'],
    ['PF-04965842', 'abrocitinib'],
    ['tofacitinib citrate', 'tofacitinib'],
    ['ジャカビ', 'ruxolitinib'],
    ['upadacitnib', 'upadacitinib'],
    ['xelganz', 'tofacitinib'],
    ['olumian', 'baricitinib'],
  ] as const) {
    await popup.press('Control+A');
    await popup.type(query);
    await expect.poll(() => text(popup, '[role="option"]'), { ...FAST, message: `first result for ${query}` }).toContain(inn);
    await popup.press('Enter');
    await expect.poll(() => popup.evaluate(() => document.querySelector('.popup-card article.card')?.getAttribute('data-drug'), null), FAST).toBe(inn);
    expect(await texts(popup, '.popup-card article.card h3')).toEqual(['JAK selectivity', 'Approval status', 'Boxed warning (US)', 'Viral-infection risk', 'Prophylaxis and screening', 'Sources']);
  }
  // Arrow keys move through the results.
  await popup.press('Control+A');
  await popup.type('jak');
  await expect.poll(async () => (await texts(popup, '[role="option"]')).length, FAST).toBeGreaterThan(1);
  await popup.press('ArrowDown');
  expect(await popup.evaluate(() => [...document.querySelectorAll('[role="option"]')].map((o) => o.getAttribute('aria-selected') === 'true'), null)).toEqual(
    expect.arrayContaining([false, true]),
  );
  expect(await popup.evaluate(() => document.querySelectorAll('[role="option"][aria-selected="true"]').length, null), 'one option is chosen').toBe(1);
  expect(await popup.evaluate(() => document.querySelectorAll('[role="option"]')[1]?.getAttribute('aria-selected'), null), 'the second').toBe('true');
});

test('"On this page" counts the drugs in the page and its iframe; choosing one opens its card on the page', async ({ jak }) => {
  const page = await openPage(jak, '/with-iframe.html', 1);
  await expect.poll(() => marksInFrame(page, 'frame-content'), FAST).toEqual(['Anzupgo', 'delgocitinib']);
  const popup = await jak.openExtensionPage(`popup.html?tab=${await jak.tabIdOf(page)}`, '[aria-label="Drugs named on this page"]');
  await expect.poll(() => texts(popup, '[aria-label="Drugs named on this page"] button'), FAST).toEqual(['delgocitinib2 mentions', 'ruxolitinib1 mention']);
  await clickOn(popup, '[aria-label="Drugs named on this page"] button', 'ruxolitinib');
  const card = await expectCardOf(page, 'ruxolitinib');
  expect(card.hostIsActiveElement, 'focus is in the card').toBe(true);
});

test('the pause switch stops and resumes JAK Lens on the site without a reload', async ({ jak }) => {
  const page = await openPage(jak, '/cards.html', 21);
  const popup = await jak.openExtensionPage(`popup.html?tab=${await jak.tabIdOf(page)}`, '[role="switch"]');
  expect(await popup.evaluate(() => document.querySelector('[role="switch"]')!.getAttribute('aria-label') ?? document.querySelector('[role="switch"]')!.closest('label')?.textContent, null)).toContain('127.0.0.1');
  expect(await popup.evaluate(() => (document.querySelector('[role="switch"]') as HTMLInputElement).checked, null)).toBe(true);
  await clickOn(popup, '[role="switch"]');
  await expect.poll(async () => (await marks(page)).length, FAST).toBe(0);
  await expect.poll(() => text(popup, '[role="status"]'), FAST).toBe('JAK Lens is paused on 127.0.0.1.');
  await clickOn(popup, '[role="switch"]');
  await expect.poll(async () => (await marks(page)).length, FAST).toBe(21);
});
