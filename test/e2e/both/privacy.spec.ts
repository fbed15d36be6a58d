import { FAST, expect, marks, test } from './fixtures';

// Every test here and in the rest of both/ fails on any request that leaves the machine (the
// problems fixture); these check what the extension adds to a page's own requests, and that the
// recorder would see a request at all.

test('the extension requests nothing while pages, popup and options are used', async ({ jak, pageServer }) => {
  const page = await jak.newTab('/docs/demo/article.html');
  await expect.poll(async () => (await marks(page)).length, FAST).toBeGreaterThan(0);
  await page.goto('/smoke.html');
  await expect.poll(() => marks(page), FAST).toEqual(['upadacitinib']);
  await page.moveMouse(200, 200);
  await jak.openExtensionPage('popup.html', 'main');
  await jak.openExtensionPage('options.html', 'main');
  // Exactly what the test navigated to (the demo article loads nothing else).
  expect(new Set(pageServer.served())).toEqual(new Set(['/docs/demo/article.html', '/smoke.html']));
  expect(jak.offMachineRequests()).toEqual([]);
});

test('the request recorder does see a request that leaves the machine', async ({ jak, problems }) => {
  problems.allow(/jak-lens-test\.invalid|ERR_NAME_NOT_RESOLVED/);
  await jak.newTab('/off-machine-request.html');
  await expect.poll(() => jak.offMachineRequests(), FAST).toContain('http://jak-lens-test.invalid/pixel.png');
});
