import { test, expect } from './fixtures';

// The fixture fails any test that makes a request off this machine; these tests
// also check that the extension adds no request of its own to what a page loads.

test('the extension requests nothing while pages, popup and options are used', async ({ context, pageOrigin, extensionId, openExtensionPage }) => {
  const seen: string[] = [];
  context.on('request', (request) => seen.push(request.url()));

  const page = await context.newPage();
  await page.goto(`${pageOrigin}/docs/demo/article.html`);
  await page.goto(`${pageOrigin}/smoke.html`);
  await page.mouse.move(200, 200);
  const popup = await openExtensionPage('popup.html');
  await expect(popup.locator('main')).toBeVisible();
  const options = await openExtensionPage('options.html');
  await expect(options.locator('main')).toBeVisible();
  await page.waitForTimeout(500); // give anything deferred a chance to show itself

  const fromServer = seen.filter((url) => url.startsWith(pageOrigin)).map((url) => new URL(url).pathname);
  // Exactly what the test navigated to, plus the browser's own favicon requests.
  expect(new Set(fromServer.filter((p) => p !== '/favicon.ico'))).toEqual(new Set(['/docs/demo/article.html', '/smoke.html']));
  const others = seen.filter((url) => !url.startsWith(pageOrigin) && !url.startsWith(`chrome-extension://${extensionId}/`));
  expect(others).toEqual([]);
});

test('the request recorder does see a request that leaves the machine', async ({ context, pageOrigin, problems }) => {
  problems.allow(/jak-lens-test\.invalid|ERR_NAME_NOT_RESOLVED/);
  const page = await context.newPage();
  await page.goto(`${pageOrigin}/off-machine-request.html`);
  await expect.poll(() => problems.list.filter((p) => p.kind === 'network').map((p) => p.text)).toContain('http://jak-lens-test.invalid/pixel.png');
});
