import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fixturePdf } from './pdfs';

// The fixture pages, served on 127.0.0.1 to every browser under test.

const PAGES_DIR = resolve(import.meta.dirname, '../pages');
const DOCS_DIR = resolve(import.meta.dirname, '../../../docs');
// Libraries fixture pages load (e.g. React for the re-rendering page), served from node_modules.
const VENDOR: Record<string, string> = {
  '/vendor/react.js': resolve(import.meta.dirname, '../../../node_modules/react/umd/react.development.js'),
  '/vendor/react-dom.js': resolve(import.meta.dirname, '../../../node_modules/react-dom/umd/react-dom.development.js'),
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

export interface PageServer {
  origin: string;
  /**
   * Paths (with their queries) requested since the last call of `resetLog`, in order, favicon
   * requests left out; a request other than GET is prefixed with its method ("POST /pdf/a.pdf").
   */
  served(): string[];
  resetLog(): void;
  close(): Promise<void>;
}

/** Serves test/e2e/pages (and /docs/ for the demo article, /pdf/ for the generated PDFs). */
export async function startPageServer(): Promise<PageServer> {
  let log: string[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Browsers ask for it on every page; a 404 would show up as a console error.
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    log.push(`${req.method === 'GET' ? '' : `${req.method} `}${url.pathname}${url.search}`);
    const vendor = VENDOR[url.pathname];
    if (vendor) {
      res.writeHead(200, { 'content-type': TYPES['.js']! }).end(await readFile(vendor));
      return;
    }
    // Generated PDFs (support/pdfs.ts), served as a journal site would; the query can set the
    // Content-Type (?type=) and Content-Disposition (?disposition=) that sites vary.
    if (url.pathname.startsWith('/pdf/')) {
      const bytes = fixturePdf(url.pathname.slice('/pdf/'.length));
      if (!bytes) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      const headers: Record<string, string> = { 'content-type': url.searchParams.get('type') ?? 'application/pdf' };
      const disposition = url.searchParams.get('disposition');
      if (disposition) headers['content-disposition'] = disposition;
      res.writeHead(200, headers).end(await bytes);
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
  return {
    origin: `http://127.0.0.1:${address.port}`,
    served: () => [...log],
    resetLog: () => (log = []),
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
