import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { extensionWorker, launchChromium } from './drivers/chromium';
import { startPageServer } from './support/page-server';
import { withProblemLog, type ProblemLog } from './support/problems';

// Fixtures of the Chromium-only specs in this folder (checks that need Playwright's Chromium
// features: CDP, zoom, touch, axe-core). Behaviours checked in both browsers live in both/.

export type { Problem, ProblemLog } from './support/problems';

type Fixtures = {
  context: BrowserContext;
  extensionId: string;
  problems: ProblemLog;
  openExtensionPage: (path: string) => Promise<Page>;
};

type WorkerFixtures = { pageOrigin: string };

export const test = base.extend<Fixtures, WorkerFixtures>({
  pageOrigin: [
    async ({}, use) => {
      const server = await startPageServer();
      await use(server.origin);
      await server.close();
    },
    { scope: 'worker' },
  ],

  // Set up first and torn down last, so it sees every event of the closed context.
  problems: async ({}, use) => withProblemLog(use),

  // The browser's start gets its own time (see both/fixtures.ts).
  context: [
    async ({ problems, pageOrigin }, use) => {
      const context = await launchChromium(pageOrigin, problems.list);
      await use(context);
      await context.close();
    },
    { scope: 'test', timeout: 60_000 },
  ],

  extensionId: async ({ context }, use) => {
    await use(new URL(extensionWorker(context).url()).host);
  },

  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
});

export { expect };
