import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { drugData } from '../support/data';
import type { Tab } from '../drivers/browser-under-test';
import { FAST, cardIsOpen, clickOn, expect, expectCardOf, expectClosed, hover, openPage, test } from './fixtures';

/** cards.html names each drug by generic name, brand and development code: 21 marks in all. */
const CARDS_PAGE = '/cards.html';
const CARDS_MARKED = 21;
const ALL_SECTIONS = ['selectivity', 'approval', 'boxedWarning', 'viralRisk', 'prophylaxis', 'sources'];
const settingsWith = (patch: Partial<typeof DEFAULT_SETTINGS>) => ({ ...DEFAULT_SETTINGS, ...patch });

const NAMES_BY_DRUG: Record<string, [generic: string, brand: string, code: string]> = {
  abrocitinib: ['abrocitinib', 'Cibinqo', 'PF-04965842'],
  upadacitinib: ['upadacitinib', 'Rinvoq', 'ABT-494'],
  baricitinib: ['Baricitinib', 'Olumiant', 'LY3009104'],
  ruxolitinib: ['ruxolitinib', 'Opzelura', 'INCB018424'],
  delgocitinib: ['Delgocitinib', 'Corectim', 'JTE-052'],
  tofacitinib: ['Tofacitinib', 'Xeljanz', 'CP-690,550'],
};

for (const [drugId, names] of Object.entries(NAMES_BY_DRUG)) {
  test(`hovering ${drugId} by generic name, brand and code opens its card, closed to the page, with every section and its sources`, async ({ jak }) => {
    const tab = await openPage(jak, CARDS_PAGE, CARDS_MARKED);
    const drug = drugData(drugId);
    const generic = drug.inn[0]!.toUpperCase() + drug.inn.slice(1);
    for (const name of names) {
      await hover(tab, name);
      const card = await expectCardOf(tab, drugId, `card for ${name}`);
      expect(card.shadowMode, 'the card lives in a closed shadow root').toBe('closed');
      expect(card.sections).toEqual(ALL_SECTIONS);
      // The header names the drug, and the name as written when it differs.
      if (name.toLowerCase() === drug.inn) expect(card.title).toBe(generic);
      else expect(card.title.replace(/\s+/g, ' ')).toBe(`${name} → is ${generic}`);
      expect(card.text).toContain(drug.selectivity.summary.text);
      expect(card.text).toContain('Facts current as of 22 Nov 2026');
      // Every source link opens in a new tab without telling the site where the reader came from.
      expect(card.links.length).toBeGreaterThan(0);
      for (const link of card.links) {
        expect(link.target).toBe('_blank');
        expect(link.rel).toContain('noreferrer');
      }
      await tab.moveMouse(2, 2);
      await expectClosed(tab, `card for ${name} closes when the pointer leaves`);
    }
  });
}

/** Stays false for the whole of `ms`: for what must not happen within a window the product defines. */
async function staysClosed(tab: Tab, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) expect(await cardIsOpen(tab)).toBe(false);
}

async function staysOpen(tab: Tab, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) expect(await cardIsOpen(tab)).toBe(true);
}

test('the card waits for the dwell, stays while the pointer is on it, and closes after the pointer leaves both', async ({ jak }) => {
  await jak.setSettings(settingsWith({ dwellMs: 1500 }));
  const tab = await openPage(jak, CARDS_PAGE, CARDS_MARKED);
  const at = await hover(tab, 'Rinvoq');
  await staysClosed(tab, 700); // well inside the 1.5 s dwell
  const card = await expectCardOf(tab, 'upadacitinib');
  // Walk the pointer from the word onto the card: it stays open past the 350 ms grace period.
  const target = { x: card.rect.left + 40, y: card.rect.top + 30 };
  await tab.moveMouse(at.x, (at.y + target.y) / 2, 2);
  await tab.moveMouse(target.x, target.y, 4);
  await staysOpen(tab, 700);
  // Leaving both closes it after the grace period.
  await tab.moveMouse(card.viewport.width - 5, 5);
  await expectClosed(tab);
  // Re-entering opens it again.
  await hover(tab, 'Rinvoq');
  await expectCardOf(tab, 'upadacitinib');
});

test('Escape, a click elsewhere and scrolling the mention away close the card', async ({ jak }) => {
  const tab = await openPage(jak, CARDS_PAGE, CARDS_MARKED);
  await hover(tab, 'Olumiant');
  await expectCardOf(tab, 'baricitinib');
  await tab.press('Escape');
  await expectClosed(tab, 'Escape');

  await hover(tab, 'Xeljanz');
  const card = await expectCardOf(tab, 'tofacitinib');
  await tab.click(card.rect.right + 20 < card.viewport.width ? card.rect.right + 20 : 5, 5);
  await expectClosed(tab, 'a click elsewhere');

  await hover(tab, 'Opzelura');
  await expectCardOf(tab, 'ruxolitinib');
  await tab.evaluate(() => window.scrollBy(0, 3000), null);
  await expectClosed(tab, 'the mention scrolled away');
});

test('the next/previous-mention command moves through the mentions, opens each card with focus inside, and Escape returns focus', async ({ jak }) => {
  const tab = await openPage(jak, CARDS_PAGE, CARDS_MARKED);
  // Browsers under automation do not deliver an extension's shortcuts: send what the background
  // sends the active tab's top frame when one fires (test/unit/background proves that mapping).
  const shortcut = async (direction: 'next' | 'previous') =>
    expect(await jak.sendToTab(tab, { type: 'jak-lens/navigate', direction }), 'the page had a mention to go to').toBe(true);
  const title = async () => (await tab.readCard())?.title.replace(/\s+/g, ' ');
  await clickOn(tab, '#q');
  await shortcut('next');
  let card = await expectCardOf(tab, 'abrocitinib');
  expect(card.title).toBe('Abrocitinib');
  expect(card.hostIsActiveElement, 'focus is inside the card').toBe(true);
  await shortcut('next');
  await expect.poll(title, FAST).toBe('Cibinqo → is Abrocitinib');
  await shortcut('next');
  await expect.poll(title, FAST).toContain('PF-04965842');
  await shortcut('previous');
  await expect.poll(title, FAST).toContain('Cibinqo');
  // Tab moves through the card's own controls. Firefox also stops on the card's scrolling body,
  // so a keyboard user can scroll it; Chromium goes straight to the first control inside.
  await tab.press('Tab');
  card = (await tab.readCard())!;
  expect(card.hostIsActiveElement).toBe(true);
  expect(card.focused).toBe('close');
  const stops = tab.engine === 'firefox' ? ['body', 'summary'] : ['summary'];
  for (const stop of stops) {
    await tab.press('Tab');
    card = (await tab.readCard())!;
    expect(card.hostIsActiveElement, 'focus stays inside the card').toBe(true);
    expect(card.focused).toBe(stop);
  }
  await tab.press('Escape');
  await expectClosed(tab);
  expect(await tab.evaluate(() => document.activeElement?.id, null), 'focus is back in the search box').toBe('q');
  // The previous mention from the first wraps around to the last.
  await shortcut('previous');
  await expectCardOf(tab, 'baricitinib');
});

test('the card follows the colour scheme, light and dark', async ({ jak }) => {
  const tab = await openPage(jak, CARDS_PAGE, CARDS_MARKED);
  await tab.setColorScheme('dark');
  await hover(tab, 'Opzelura');
  const card = await expectCardOf(tab, 'ruxolitinib');
  expect(card.background).toBe('rgb(30, 34, 39)');
  await tab.setColorScheme('light');
  await expect.poll(async () => (await tab.readCard())?.background, FAST).toBe('rgb(255, 255, 255)');
});

test('a mention inside an open shadow root opens its card', async ({ jak }) => {
  const tab = await openPage(jak, '/shadow-root.html', 4);
  const at = await tab.evaluate(() => {
    const walker = document.createTreeWalker(document.getElementById('open')!.shadowRoot!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = (node as Text).data.indexOf('Rinvoq');
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 'Rinvoq'.length);
      const r = range.getClientRects()[0]!;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    throw new Error('Rinvoq not in the open root');
  }, null);
  await tab.moveMouse(at.x, at.y, 2);
  const card = await expectCardOf(tab, 'upadacitinib');
  expect(card.title.replace(/\s+/g, ' ')).toBe('Rinvoq → is Upadacitinib');
});
