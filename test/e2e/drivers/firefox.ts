import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CARD_HOST_TAG, READ_CARD, type CardState } from '../support/card-state';
import type { Problem } from '../support/problems';
import type { BrowserUnderTest, Tab } from './browser-under-test';

// Firefox ESR with the built extension, driven by puppeteer-core over WebDriver BiDi (Playwright
// cannot drive Firefox ESR 153). One browser per test worker, reset between tests: launching
// Firefox takes about 5 s, installing the extension 0.2 s.

const BUILD = resolve(import.meta.dirname, '../../../.output/firefox-mv2');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Pinned so extension pages have a known address. */
const UUID = '6c4b0a52-4a7e-4c1e-9a3f-1f0e2d7a9b11';
const COLOR_SCHEME_PREF = 'layout.css.prefers-color-scheme.content-override';
const SCHEME_VALUE = { dark: 0, light: 1 } as const;

type BidiResult = { type: 'success'; result: { type: string; value?: unknown; sharedId?: string } } | { type: 'exception'; exceptionDetails: { text: string } };
interface Bidi {
  send(method: string, params: object): Promise<{ result: BidiResult & Record<string, unknown> }>;
}

/**
 * Every request Firefox sends off this machine goes through this proxy, which records it and
 * refuses it. Loopback requests (the page server) never use a proxy.
 */
async function startRecordingProxy(): Promise<{ server: Server; port: number; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(req.url ?? '');
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    seen.push(`https://${req.url ?? ''}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy has no port');
  return { server, port: address.port, seen };
}

function geckoId(): string {
  const manifest = JSON.parse(readFileSync(resolve(BUILD, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  return manifest.browser_specific_settings.gecko.id;
}

type LaunchOptions = Parameters<typeof puppeteer.launch>[0];

/**
 * Starts Firefox, once more if the first start stalls: on a busy 2-core machine a cold start has
 * been seen to print no endpoint within puppeteer's 30 s. A browser that cannot start is the
 * machine's problem, not the product's; a second failure is reported as it is.
 */
async function launchWithRetry(options: LaunchOptions): Promise<Browser> {
  try {
    return await puppeteer.launch({ ...options, timeout: 60_000 });
  } catch (first) {
    console.warn(`Firefox did not start (${String(first).split('\n')[0]}); trying once more.`);
    return puppeteer.launch({ ...options, timeout: 60_000 });
  }
}

export interface FirefoxSession {
  /** A view of the browser for one test; its pages and settings are reset by `endTest`. */
  startTest(origin: string, problems: Problem[]): BrowserUnderTest;
  endTest(): Promise<void>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxSession> {
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox not found at ${FIREFOX}. Install it (apt-get install --no-install-recommends firefox-esr) or set FIREFOX_PATH.`);
  }
  const proxy = await startRecordingProxy();
  const firefox: Browser = await launchWithRetry({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    // Lets the pref below move Firefox's own remote-settings traffic to a closed loopback port,
    // so that what the proxy records is the pages' and the extension's, not the browser's.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId()]: UUID }),
      'services.settings.server': 'http://127.0.0.1:9/v1',
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.share_proxy_settings': true,
      [COLOR_SCHEME_PREF]: SCHEME_VALUE.light,
      'app.update.enabled': false,
    },
  });
  const bidi = (firefox as unknown as { connection: Bidi }).connection;
  await firefox.installExtension(BUILD);

  // An extension page kept open in the background: extension APIs are called from it.
  const helper = await firefox.newPage();
  await openExtensionPage(helper, 'options.html', 'h1');

  async function setPref(name: string, value: number): Promise<void> {
    const tree = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const chrome = (tree.result as unknown as { contexts: { context: string }[] }).contexts[0]!.context;
    await bidi.send('script.evaluate', { expression: `Services.prefs.setIntPref(${JSON.stringify(name)}, ${value})`, target: { context: chrome }, awaitPromise: false });
  }

  let opened: Page[] = [];
  let seenBefore = 0;
  let problemsOfTest: Problem[] = [];

  const session: FirefoxSession = {
    startTest(origin, problems) {
      problemsOfTest = problems;
      seenBefore = proxy.seen.length;
      const watch = (page: Page) => {
        opened.push(page);
        page.on('pageerror', (err) => problems.push({ kind: 'pageerror', where: page.url(), text: String(err) }));
        page.on('console', (msg) => {
          if (msg.type() === 'error') problems.push({ kind: 'console', where: page.url(), text: msg.text() });
        });
        return firefoxTab(page, origin, bidi, setPref);
      };
      const pages = new WeakMap<Tab, Page>();
      const wrap = (page: Page) => {
        const tab = watch(page);
        pages.set(tab, page);
        return tab;
      };
      const activeTabId = async (tab: Tab) => {
        await pages.get(tab)!.bringToFront();
        return helper.evaluate(async () => {
          const [active] = await browser.tabs.query({ active: true, currentWindow: true });
          return active!.id!;
        });
      };
      return {
        engine: 'firefox',
        origin,
        async newTab(path) {
          const tab = wrap(await firefox.newPage());
          if (path) await tab.goto(path);
          return tab;
        },
        async openExtensionPage(path, readySelector) {
          const page = await firefox.newPage();
          const tab = wrap(page);
          await openExtensionPage(page, path, readySelector);
          return tab;
        },
        tabIdOf: activeTabId,
        async sendToTab(tab, message) {
          const id = await activeTabId(tab);
          return helper.evaluate((tabId, m) => browser.tabs.sendMessage(tabId, m, { frameId: 0 }), id, message);
        },
        async setSettings(settings) {
          await helper.evaluate((value) => browser.storage.sync.set({ settings: value }), settings as object);
        },
        offMachineRequests: () => proxy.seen.slice(seenBefore),
      };
    },

    async endTest() {
      for (const url of proxy.seen.slice(seenBefore)) problemsOfTest.push({ kind: 'network', where: 'Firefox', text: url });
      await Promise.all(opened.map((page) => page.close().catch(() => undefined)));
      opened = [];
      await helper.evaluate(async () => {
        await browser.storage.sync.clear();
        await browser.storage.local.clear();
      });
      await setPref(COLOR_SCHEME_PREF, SCHEME_VALUE.light);
    },

    async close() {
      await firefox.close();
      await new Promise((ok) => proxy.server.close(ok));
    },
  };
  return session;
}

/**
 * Navigating to a moz-extension:// page never settles puppeteer's goto: start it, then poll for the
 * page's content. While the tab moves from about:blank to the extension page, an evaluation can
 * land in the document being replaced and BiDi answers with an error; that means "not there yet",
 * so look again (puppeteer's own waitForSelector gives up on the first such error).
 */
async function openExtensionPage(page: Page, path: string, readySelector: string): Promise<void> {
  const url = `moz-extension://${UUID}/${path}`;
  page.goto(url).catch(() => undefined);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ready = await page
      .evaluate((u, s) => location.href.startsWith(u) && document.querySelector(s) !== null, url.split('?')[0]!, readySelector)
      .catch(() => false);
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`${path} did not show ${readySelector} within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Reads the card through its closed shadow root: BiDi serialises closed roots when asked to. */
async function readCardOverBidi(bidi: Bidi, context: string): Promise<CardState | null> {
  const host = await bidi.send('script.evaluate', {
    expression: `document.querySelector(${JSON.stringify(CARD_HOST_TAG)})`,
    target: { context },
    awaitPromise: false,
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
  });
  if (host.result.type !== 'success' || host.result.result.type !== 'node') return null;
  const shadow = (host.result.result.value as { shadowRoot?: { sharedId: string; value: { mode: string } } }).shadowRoot;
  if (!shadow) return null;
  const read = await bidi.send('script.callFunction', {
    functionDeclaration: `function () { return JSON.stringify((${READ_CARD}).call(this)); }`,
    this: { sharedId: shadow.sharedId },
    target: { context },
    awaitPromise: false,
  });
  if (read.result.type !== 'success') throw new Error(`reading the card failed: ${JSON.stringify(read.result)}`);
  return { ...(JSON.parse(read.result.result.value as string) as CardState), shadowMode: shadow.value.mode };
}

function firefoxTab(page: Page, origin: string, bidi: Bidi, setPref: (name: string, value: number) => Promise<void>): Tab {
  const contextId = () => (page.mainFrame() as unknown as { _id: string })._id;
  const frameOf = (urlPart: string) => {
    const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().includes(urlPart));
    if (!frame) throw new Error(`no frame at ${urlPart}`);
    return frame;
  };
  return {
    engine: 'firefox',
    goto: async (path) => void (await page.goto(new URL(path, origin).href, { waitUntil: 'load' })),
    reload: async () => void (await page.reload({ waitUntil: 'load' })),
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as (arg: unknown) => R, arg as unknown) as Promise<R>,
    evaluateInFrame: <R, A>(urlPart: string, fn: (arg: A) => R | Promise<R>, arg: A) =>
      frameOf(urlPart).evaluate(fn as (arg: unknown) => R, arg as unknown) as Promise<R>,
    moveMouse: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    mouseDown: () => page.mouse.down(),
    mouseUp: () => page.mouse.up(),
    click: (x, y) => page.mouse.click(x, y),
    async chooseFile(selector, file) {
      // WebDriver BiDi sets a file input from a path on this machine.
      const dir = mkdtempSync(join(tmpdir(), 'jak-lens-file-'));
      const path = join(dir, file.name);
      writeFileSync(path, file.bytes);
      const input = await page.$(selector);
      if (!input) throw new Error(`no file input ${selector}`);
      await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(path);
    },
    async press(chord) {
      const keys = chord.split('+') as Parameters<Page['keyboard']['press']>[0][];
      const last = keys.pop()!;
      for (const key of keys) await page.keyboard.down(key);
      await page.keyboard.press(last);
      for (const key of keys.reverse()) await page.keyboard.up(key);
    },
    type: (text) => page.keyboard.type(text),
    readCard: () => readCardOverBidi(bidi, contextId()),
    bringToFront: () => page.bringToFront(),
    // Firefox has no per-page emulation of the colour scheme over BiDi: the content pref is browser-wide.
    setColorScheme: (scheme) => setPref(COLOR_SCHEME_PREF, SCHEME_VALUE[scheme]),
    // browsingContext.print over WebDriver BiDi.
    printToPdf: async () => new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true })),
    close: () => page.close(),
  };
}

declare const browser: {
  tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: unknown, o: object): Promise<unknown> };
  storage: { sync: { set(v: object): Promise<void>; clear(): Promise<void> }; local: { clear(): Promise<void> } };
};
