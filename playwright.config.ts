import { defineConfig } from '@playwright/test';
import type { Engine } from './test/e2e/drivers/browser-under-test';

// Requests made by the extension's service worker are only reported with this switch.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

// test/e2e/both/ runs in both browsers; the other specs of test/e2e/ use Playwright's Chromium
// features (CDP, zoom, touch, axe-core) and run in Chromium only.
export default defineConfig<{ engine: Engine }>({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // Tests over 10 s (a third of the timeout) are listed at the end of `npm test` (scripts/test-all.mjs).
  reportSlowTests: null,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'chromium', use: { engine: 'chromium' } },
    { name: 'firefox', testDir: 'test/e2e/both', use: { engine: 'firefox' } },
  ],
});
