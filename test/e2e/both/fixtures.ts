import { test as base, expect } from '@playwright/test';
import type { BrowserUnderTest, Engine, Tab } from '../drivers/browser-under-test';
import { chromiumBrowser, launchChromium } from '../drivers/chromium';
import { launchFirefox, type FirefoxSession } from '../drivers/firefox';
import { centreOfElementInPage, markedTextsInPage, pointOfTextInPage } from '../support/in-page';
import { startPageServer, type PageServer } from '../support/page-server';
import { FAST, FIRST_PDF } from '../support/polling';
import { withProblemLog, type ProblemLog } from '../support/problems';

// The specs in this folder run once per browser (the "chromium" and "firefox" projects in
// playwright.config.ts): each behaviour and its expectations are written once.

type Fixtures = { problems: ProblemLog; jak: BrowserUnderTest };
type WorkerFixtures = { engine: Engine; pageServer: PageServer; firefox: FirefoxSession | null };

export const test = base.extend<Fixtures, WorkerFixtures>({
  engine: ['chromium', { option: true, scope: 'worker' }],

  pageServer: [
    async ({}, use) => {
      const server = await startPageServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  // One Firefox per worker, started before its first test (so its start-up is not a test's time).
  firefox: [
    async ({ engine }, use) => {
      if (engine !== 'firefox') return use(null);
      const session = await launchFirefox();
      await use(session);
      await session.close();
    },
    // Two starts of up to 60 s each (drivers/firefox.ts), then the extension's install.
    { scope: 'worker', timeout: 150_000 },
  ],

  problems: async ({}, use) => withProblemLog(use),

  // Starting a browser is the machine's work, not the test's: it gets its own time, so a cold start
  // on a busy disk (over 30 s was seen) does not eat the test's 30 s.
  jak: [
    async ({ engine, pageServer, firefox, problems }, use) => {
      pageServer.resetLog();
      if (engine === 'chromium') {
        const context = await launchChromium(pageServer.origin, problems.list);
        await use(chromiumBrowser(context, pageServer.origin, problems.list));
        await context.close();
      } else {
        await use(firefox!.startTest(pageServer.origin, problems.list));
        await firefox!.endTest();
      }
    },
    { timeout: 60_000 },
  ],
});

export { expect };

// What every spec here reads or does on a page, in terms of the Tab both drivers provide.

export const marks = (tab: Tab, highlight = 'jak-lens') => tab.evaluate(markedTextsInPage, highlight);
export const sortedMarks = async (tab: Tab, highlight?: string) => (await marks(tab, highlight)).sort();
export const marksInFrame = async (tab: Tab, urlPart: string) => (await tab.evaluateInFrame(urlPart, markedTextsInPage, 'jak-lens')).sort();

export { FAST, FIRST_PDF };

/** Scrolls a text into view (a reader would) and returns the centre of its n-th occurrence. */
export function pointOf(tab: Tab, text: string, occurrence = 0, part: [number, number] = [0, -1], scroll = true) {
  return tab.evaluate(pointOfTextInPage, { text, occurrence, from: part[0], to: part[1], scroll });
}

/** Rests the pointer on a text. */
export async function hover(tab: Tab, text: string, occurrence = 0) {
  const at = await pointOf(tab, text, occurrence);
  await tab.moveMouse(at.x, at.y, 2);
  return at;
}

export async function openPage(jak: BrowserUnderTest, path: string, markCount: number): Promise<Tab> {
  const tab = await jak.newTab(path);
  await expect.poll(async () => (await marks(tab)).length, { ...FAST, message: `${path} marked` }).toBe(markCount);
  return tab;
}

export const cardIsOpen = async (tab: Tab) => (await tab.readCard())?.visible ?? false;

export async function expectClosed(tab: Tab, message?: string) {
  await expect.poll(() => cardIsOpen(tab), { ...FAST, message }).toBe(false);
}

/** Waits for the card of `drug` to be on screen and returns what it shows. */
export async function expectCardOf(tab: Tab, drug: string, message?: string) {
  await expect
    .poll(async () => {
      const card = await tab.readCard();
      return card?.visible ? card.drug : null;
    }, { ...FAST, message: message ?? `card of ${drug}` })
    .toBe(drug);
  return (await tab.readCard())!;
}

/** Clicks an element with the mouse, as a user would. */
export async function clickOn(tab: Tab, selector: string, text?: string) {
  const at = await tab.evaluate(centreOfElementInPage, text === undefined ? { selector } : { selector, text });
  await tab.click(at.x, at.y);
}
