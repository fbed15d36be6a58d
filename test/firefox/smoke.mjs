// Firefox smoke run: the built extension installs in Debian's firefox-esr, its
// content script runs on a page from 127.0.0.1, and popup and options render.
// Playwright cannot drive Firefox ESR 153, so this uses puppeteer-core over WebDriver BiDi.
import puppeteer from 'puppeteer-core';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const build = resolve(root, '.output/firefox-mv2');
const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const UUID = '6c4b0a52-4a7e-4c1e-9a3f-1f0e2d7a9b11';
const GECKO_ID = JSON.parse(readFileSync(resolve(build, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;

if (!existsSync(firefox)) {
  console.error(`Firefox not found at ${firefox}. Install it: apt-get install --no-install-recommends firefox-esr (or set FIREFOX_PATH).`);
  process.exit(1);
}

const results = [];
async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
  } catch (err) {
    results.push({ name, ok: false });
    console.log(`  ✘ ${name}\n    ${String(err?.stack ?? err).split('\n').join('\n    ')}`);
  }
}

const page404 = 'not found';
const server = createServer((req, res) => {
  if (req.url === '/smoke.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(readFileSync(resolve(root, 'test/e2e/pages/smoke.html')));
  } else {
    res.writeHead(404).end(page404);
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: firefox,
  headless: true,
  args: ['--remote-allow-system-access'],
  extraPrefsFirefox: {
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
    // Keep Firefox off the network on a closed machine.
    'network.dns.disableIPv6': true,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'app.update.enabled': false,
  },
});

console.log(`Firefox smoke run (${await browser.version()})`);
try {
  await check('the extension installs', async () => {
    const id = await browser.installExtension(build);
    if (id !== GECKO_ID) throw new Error(`installed as ${id}, expected ${GECKO_ID}`);
  });

  await check('the content script runs on a page from 127.0.0.1', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/smoke.html`);
    // The page names upadacitinib once: exactly one mark, painted through the shared highlight registry.
    await page.waitForFunction(() => globalThis.CSS?.highlights?.get('jak-lens')?.size === 1, { timeout: 10_000 });
    await page.close();
  });

  await check('hovering the mark opens a card over the page', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/smoke.html`);
    await page.waitForFunction(() => globalThis.CSS?.highlights?.get('jak-lens')?.size === 1, { timeout: 10_000 });
    const word = await page.evaluate(() => {
      const range = document.createRange();
      const mark = [...globalThis.CSS.highlights.get('jak-lens')][0];
      range.setStart(mark.startContainer, mark.startOffset);
      range.setEnd(mark.endContainer, mark.endOffset);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, bottom: r.bottom, left: r.left };
    });
    await page.mouse.move(word.x, word.y, { steps: 3 });
    // The card is in a closed shadow root: from the page it shows only as its host element, so
    // "a card is painted here" is what elementFromPoint reports just below (or above) the word.
    await page.waitForFunction(
      (w) => [w.bottom + 40, w.bottom + 80, w.bottom - 60].some((y) => document.elementFromPoint(w.left + 30, y)?.localName === 'jak-lens-ui'),
      { timeout: 10_000 },
      word,
    );
    await page.close();
  });

  for (const [file, heading] of [['popup.html', 'JAK Lens'], ['options.html', 'JAK Lens options']]) {
    await check(`${file} opens and renders`, async () => {
      const page = await browser.newPage();
      // Navigating to moz-extension:// never settles its goto promise: start it and wait for content.
      page.goto(`moz-extension://${UUID}/${file}`).catch(() => {});
      await page.waitForFunction((text) => document.querySelector('h1')?.textContent === text, { timeout: 10_000 }, heading);
      await page.close();
    });
  }
} finally {
  await browser.close();
  server.close();
}

const failed = results.filter((r) => !r.ok).length;
console.log(`firefox: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
