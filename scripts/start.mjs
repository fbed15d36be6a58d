// `npm start`: build the Chrome extension and open Chromium with it on the demo
// article. `npm start -- --screenshot FILE` writes a PNG of the page with a card
// open instead of opening a window (add --dark for the dark colour scheme).
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROME_BUILD, QUIET_NETWORK_ARGS, extensionArgs, findChromium, sandboxArgs } from './lib/chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const shotIndex = argv.indexOf('--screenshot');
const screenshot = shotIndex >= 0 ? argv[shotIndex + 1] : undefined;
const dark = argv.includes('--dark');
if (shotIndex >= 0 && !screenshot) {
  console.error('Usage: npm start -- --screenshot FILE.png');
  process.exit(2);
}

console.log('Building JAK Lens for Chrome...');
const build = spawnSync(resolve(root, 'node_modules/.bin/wxt'), ['build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform === 'darwin' || process.platform === 'win32';
if (!screenshot && !hasDisplay) {
  console.log(`
There is no display here, so no browser window can open.
  - To see JAK Lens on the demo page as a picture: npm start -- --screenshot demo.png
  - To use it in your own browser, load this folder as an unpacked extension:
      ${CHROME_BUILD}
    (chrome://extensions -> Developer mode -> Load unpacked; see README, "Install").`);
  process.exit(0);
}

const found = await findChromium();
if (!found.path) {
  console.error(found.help);
  console.error(`\nThe built extension is ready to load by hand from ${CHROME_BUILD}`);
  process.exit(1);
}

const article = readFileSync(resolve(root, 'docs/demo/article.html'));
const server = createServer((req, res) => {
  if (req.url === '/' || req.url === '/article.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article);
  } else {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/article.html`;

const context = await chromium.launchPersistentContext('', {
  executablePath: found.path,
  headless: Boolean(screenshot),
  viewport: screenshot ? { width: 1200, height: 900 } : null,
  colorScheme: dark ? 'dark' : 'light',
  args: [...QUIET_NETWORK_ARGS, ...sandboxArgs(), ...extensionArgs(CHROME_BUILD)],
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);

if (screenshot) {
  // Wait for the marks, then rest the pointer on the first one until its card is up.
  const first = await page
    .waitForFunction(
      () => {
        const marks = globalThis.CSS.highlights.get('jak-lens');
        const range = marks && [...marks][0];
        if (!range) return null;
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        const rect = live.getClientRects()[0];
        return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
      },
      null,
      { timeout: 10_000 },
    )
    .then((handle) => handle.jsonValue())
    .catch(() => null);
  if (first) {
    await page.mouse.move(first.x, first.y, { steps: 3 });
    await page.waitForTimeout(900); // the dwell (300 ms) and the card's fade-in
  } else {
    console.warn('No mention was marked on the demo page; the screenshot shows the page alone.');
  }
  await page.screenshot({ path: resolve(process.cwd(), screenshot) });
  console.log(`Screenshot of the demo page${first ? ' with a card open' : ''} written to ${resolve(process.cwd(), screenshot)}`);
  await context.close();
  server.close();
} else {
  console.log(`Chromium (${found.from}) is open on ${url} with JAK Lens loaded. Close the window to stop.`);
  context.on('close', () => server.close());
}
