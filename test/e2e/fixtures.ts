import { test as base, chromium, expect, type BrowserContext, type Page, type Request } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { CHROME_BUILD, QUIET_NETWORK_ARGS, extensionArgs, findChromium, sandboxArgs } from '../../scripts/lib/chromium.mjs';

const PAGES_DIR = resolve(import.meta.dirname, 'pages');
const DOCS_DIR = resolve(import.meta.dirname, '../../docs');
// Libraries fixture pages load (e.g. React for the re-rendering page), served from node_modules.
const VENDOR: Record<string, string> = {
  '/vendor/react.js': resolve(import.meta.dirname, '../../node_modules/react/umd/react.development.js'),
  '/vendor/react-dom.js': resolve(import.meta.dirname, '../../node_modules/react-dom/umd/react-dom.development.js'),
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Serves test/e2e/pages (and /docs/ for the demo article) on 127.0.0.1. */
async function startPageServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Browsers ask for it on every page; a 404 would show up as a console error.
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const vendor = VENDOR[url.pathname];
    if (vendor) {
      res.writeHead(200, { 'content-type': TYPES['.js']! }).end(await readFile(vendor));
      return;
    }
    const fromDocs = url.pathname.startsWith('/docs/');
    const base = fromDocs ? DOCS_DIR : PAGES_DIR;
    const rel = normalize(decodeURIComponent(fromDocs ? url.pathname.slice('/docs'.length) : url.pathname));
    const file = join(base, rel);
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      // A page can ask for response headers through a sidecar query, e.g. a strict CSP.
      const csp = url.searchParams.get('csp');
      if (csp) headers['content-security-policy'] = csp;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

export interface Problem {
  kind: 'pageerror' | 'console' | 'network';
  where: string;
  text: string;
}

/** Everything that went wrong during one test; checked when the test's fixtures are torn down. */
export interface ProblemLog {
  list: Problem[];
  /** Tests that provoke an error on purpose name the texts they expect. */
  allow: (pattern: RegExp) => void;
}

type Fixtures = {
  context: BrowserContext;
  extensionId: string;
  problems: ProblemLog;
  openExtensionPage: (path: string) => Promise<Page>;
};

type WorkerFixtures = { pageOrigin: string };

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

export const test = base.extend<Fixtures, WorkerFixtures>({
  pageOrigin: [
    async ({}, use) => {
      const { server, origin } = await startPageServer();
      await use(origin);
      await new Promise((ok) => server.close(ok));
    },
    { scope: 'worker' },
  ],

  // Set up first and torn down last, so it sees every event of the closed context.
  problems: async ({}, use) => {
    const log: ProblemLog = { list: [], allow: (re) => allowed.push(re) };
    const allowed: RegExp[] = [];
    await use(log);
    const unexpected = log.list.filter((p) => !allowed.some((re) => re.test(p.text)));
    expect(unexpected, 'no page errors, console errors or off-machine requests').toEqual([]);
  },

  context: async ({ problems, pageOrigin }, use) => {
    const found = await findChromium();
    if (found.path === null) throw new Error(found.help);
    const context = await chromium.launchPersistentContext('', {
      executablePath: found.path,
      headless: true,
      args: [...QUIET_NETWORK_ARGS, ...sandboxArgs(), ...extensionArgs(CHROME_BUILD)],
    });
    const serverOrigin = new URL(pageOrigin).origin;
    context.on('page', (page) => watchPage(page, problems.list));
    for (const page of context.pages()) watchPage(page, problems.list);
    context.on('request', (request) => {
      const url = new URL(request.url());
      const allowed =
        url.origin === serverOrigin ||
        url.protocol === 'chrome-extension:' ||
        url.protocol === 'data:' ||
        url.protocol === 'blob:' ||
        url.href === 'about:blank';
      if (!allowed) problems.list.push({ kind: 'network', where: requestOrigin(request), text: url.href });
    });
    await use(context);
    await context.close();
  },

  extensionId: async ({ context, problems }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    worker.on('console', (msg) => {
      if (msg.type() === 'error') problems.list.push({ kind: 'console', where: 'service worker', text: msg.text() });
    });
    await use(new URL(worker.url()).host);
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
