import { chromium, type BrowserContext, type Page, type Request } from '@playwright/test';
import { CHROME_BUILD, QUIET_NETWORK_ARGS, extensionArgs, findChromium, sandboxArgs } from '../../../scripts/lib/chromium.mjs';
import { readCard } from '../support/card';
import type { Problem } from '../support/problems';
import type { BrowserUnderTest, Tab } from './browser-under-test';

// Chromium with the built extension, driven by Playwright.

type ChromeApi = {
  chrome: {
    tabs: { query(q: object): Promise<{ id: number }[]>; sendMessage(id: number, m: object, o: object): Promise<unknown> };
    storage: { sync: { set(v: object): Promise<void> } };
    declarativeNetRequest: { getDynamicRules(): Promise<object[]> };
  };
};

function requestOrigin(request: Request): string {
  if (request.serviceWorker()) return 'extension service worker';
  try {
    return request.frame().url();
  } catch {
    return 'unknown';
  }
}

function watchPage(page: Page, problems: Problem[]): void {
  page.on('pageerror', (err) => problems.push({ kind: 'pageerror', where: page.url(), text: String(err) }));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push({ kind: 'console', where: page.url(), text: msg.text() });
  });
}

/**
 * A fresh profile with the built extension loaded. Page errors, console errors and every request
 * that is not to the page server or the browser's own schemes are added to `problems`.
 */
export async function launchChromium(pageOrigin: string, problems: Problem[], build = CHROME_BUILD): Promise<BrowserContext> {
  const found = await findChromium();
  if (found.path === null) throw new Error(found.help);
  const context = await chromium.launchPersistentContext('', {
    executablePath: found.path,
    headless: true,
    args: [...QUIET_NETWORK_ARGS, ...sandboxArgs(), ...extensionArgs(build)],
  });
  const serverOrigin = new URL(pageOrigin).origin;
  context.on('page', (page) => watchPage(page, problems));
  for (const page of context.pages()) watchPage(page, problems);
  context.on('request', (request) => {
    const url = new URL(request.url());
    const allowed =
      url.origin === serverOrigin ||
      url.protocol === 'chrome-extension:' ||
      url.protocol === 'data:' ||
      url.protocol === 'blob:' ||
      url.href === 'about:blank';
    if (!allowed) problems.push({ kind: 'network', where: requestOrigin(request), text: url.href });
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  worker.on('console', (msg) => {
    if (msg.type() === 'error') problems.push({ kind: 'console', where: 'service worker', text: msg.text() });
  });
  return context;
}

export function extensionWorker(context: BrowserContext) {
  const worker = context.serviceWorkers()[0];
  if (!worker) throw new Error('the extension has no service worker');
  return worker;
}

/** Sends a message to a page's top frame, as the background does when a keyboard shortcut fires. */
export async function sendToPage(page: Page, message: object): Promise<unknown> {
  await page.bringToFront();
  return extensionWorker(page.context()).evaluate(async (m) => {
    const c = (globalThis as unknown as ChromeApi).chrome;
    const [active] = await c.tabs.query({ active: true, lastFocusedWindow: true });
    return c.tabs.sendMessage(active!.id, m, { frameId: 0 });
  }, message);
}

export function chromiumTab(page: Page, origin: string): Tab {
  const frameOf = (urlPart: string) => {
    const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().includes(urlPart));
    if (!frame) throw new Error(`no frame at ${urlPart}`);
    return frame;
  };
  return {
    engine: 'chromium',
    goto: async (path) => void (await page.goto(new URL(path, origin).href)),
    reload: async () => void (await page.reload()),
    // Playwright types the argument as it arrives after serialisation; ours are plain data.
    evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
      return page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown);
    },
    evaluateInFrame<R, A>(urlPart: string, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
      return frameOf(urlPart).evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown);
    },
    moveMouse: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    mouseDown: () => page.mouse.down(),
    mouseUp: () => page.mouse.up(),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    chooseFile: (selector, file) => page.setInputFiles(selector, { name: file.name, mimeType: 'application/pdf', buffer: Buffer.from(file.bytes) }),
    readCard: () => readCard(page),
    bringToFront: () => page.bringToFront(),
    setColorScheme: (colorScheme) => page.emulateMedia({ colorScheme }),
    printToPdf: async () => new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true })),
    close: () => page.close(),
  };
}

export function chromiumBrowser(context: BrowserContext, origin: string, problems: Problem[]): BrowserUnderTest {
  const pages = new WeakMap<Tab, Page>();
  const wrap = (page: Page) => {
    const tab = chromiumTab(page, origin);
    pages.set(tab, page);
    return tab;
  };
  const pageOf = (tab: Tab) => pages.get(tab)!;
  return {
    engine: 'chromium',
    origin,
    async newTab(path) {
      const tab = wrap(await context.newPage());
      if (path) await tab.goto(path);
      return tab;
    },
    async openExtensionPage(path, readySelector) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${new URL(extensionWorker(context).url()).host}/${path}`);
      await page.waitForSelector(readySelector);
      return wrap(page);
    },
    async tabIdOf(tab) {
      await pageOf(tab).bringToFront();
      return extensionWorker(context).evaluate(async () => {
        const [active] = await (globalThis as unknown as ChromeApi).chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return active!.id;
      });
    },
    sendToTab: (tab, message) => sendToPage(pageOf(tab), message),
    async setSettings(settings) {
      const worker = extensionWorker(context);
      await worker.evaluate((value) => (globalThis as unknown as ChromeApi).chrome.storage.sync.set({ settings: value }), settings);
      // The background turns "Open PDFs in JAK Lens" into the browser's rules after the change
      // arrives: wait until the rules the browser holds say the same, as a reader's next PDF would find them.
      const openPdfs = (settings as { openPdfs?: unknown } | null)?.openPdfs !== false;
      const deadline = Date.now() + 5_000;
      while ((await worker.evaluate(async () => (await (globalThis as unknown as ChromeApi).chrome.declarativeNetRequest.getDynamicRules()).length)) > 0 !== openPdfs) {
        if (Date.now() > deadline) throw new Error(`the PDF rules did not follow openPdfs: ${openPdfs}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    offMachineRequests: () => problems.filter((p) => p.kind === 'network').map((p) => p.text),
  };
}
