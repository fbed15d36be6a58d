import { defineConfig } from '@playwright/test';

// `npm run soak` (scripts/soak.mjs builds the census build first). Not part of `npm test`: it runs
// for about four minutes by design.
export default defineConfig({
  testDir: '.',
  testMatch: '*.soak.ts',
  workers: 1,
  retries: 0,
  timeout: 10 * 60_000,
  reporter: [['list']],
});
