// `npm run bench`: the content script's scan-and-paint against a bare TreeWalker
// pass (the floor) and mark.js, in the same page loads, inside real Chromium,
// over ../shared/corpus and a generated ~5 MB page. Prints one table per page group.
import { chromium } from '@playwright/test';
import { generatedPage } from './generated-page';
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { QUIET_NETWORK_ARGS, findChromium, sandboxArgs } from '../../scripts/lib/chromium.mjs';

const root = resolve(import.meta.dirname, '../..');
const corpus = resolve(process.env.JAK_CORPUS ?? join(root, '../shared/corpus'));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// BENCH_QUICK=1: only the pages without a mention, without mark.js (for tuning).
const QUICK = process.env.BENCH_QUICK === '1';
// BENCH_ONLY=mentions: only the corpus pages with mentions and the generated page (for tuning).
const ONLY_MENTIONS = process.env.BENCH_ONLY === 'mentions';
if (!existsSync(corpus)) {
  console.error(`No corpus at ${corpus}. Set JAK_CORPUS to the shared corpus folder.`);
  process.exit(1);
}

const bundle = (
  await build({
    entryPoints: [resolve(import.meta.dirname, 'in-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    minify: true,
    logLevel: 'silent',
  })
).outputFiles[0]!.text;

const generated = generatedPage();
// Cross-origin isolation gives performance.now() microsecond resolution instead of 100 us steps,
// which matters when the floor of a small page is a tenth of a millisecond.
const ISOLATED = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.json': 'application/json' };
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/generated.html') return void res.writeHead(200, { 'content-type': TYPES['.html']!, ...ISOLATED }).end(generated.html);
  const file = join(corpus, decodeURIComponent(url.pathname));
  if (!file.startsWith(corpus) || !existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'text/plain', ...ISOLATED }).end(readFileSync(file));
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

const found = await findChromium();
if (found.path === null) throw new Error(found.help);
const browser = await chromium.launch({ executablePath: found.path, args: [...QUIET_NETWORK_ARGS, ...sandboxArgs(), '--js-flags=--expose-gc'] });

type Warm = Awaited<ReturnType<typeof import('./in-page').runBench>>;
type Cold = Awaited<ReturnType<typeof import('./in-page').runOursCold>>;
type Result = Warm & { cold: Cold | null };

async function load(path: string, scrollToMiddle: boolean) {
  const page = await browser.newPage();
  // Pages may try to reach the internet; the closed network answers at once, so do not wait on them.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await page.goto(origin + path, { waitUntil: 'load', timeout: 60_000 });
  // A reader who reopens a long page lands mid-way: our scan paints what is on screen first.
  if (scrollToMiddle) await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await page.evaluate(bundle);
  return page;
}

/**
 * Two loads of the page: one where our scan is the first thing to read the page's text (its cold
 * figure, with the cold setup), one for the floor's cold run, the warmed-up medians and mark.js.
 */
async function measure(path: string, withMarkJs = true, scrollToMiddle = false, cold = true): Promise<Result | null> {
  let page: Awaited<ReturnType<typeof load>> | null = null;
  try {
    let coldResult: Cold | null = null;
    if (cold) {
      page = await load(path, scrollToMiddle);
      coldResult = await page.evaluate(() => (globalThis as unknown as { __jakCold: () => Promise<Cold> }).__jakCold());
      await page.close();
    }
    page = await load(path, scrollToMiddle);
    const warm = await page.evaluate(([runs, mark]) => (globalThis as unknown as { __jakBench: (r: number, m: boolean) => Promise<Warm> }).__jakBench(runs, mark), [RUNS, withMarkJs] as const);
    return { ...warm, cold: coldResult };
  } catch (err) {
    console.error(`  skipped ${path}: ${String(err).split('\n')[0]}`);
    return null;
  } finally {
    await page?.close().catch(() => {});
  }
}

const fmt = (n: number | null, d = 2) => (n === null ? '—' : n.toFixed(d));
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? '—' : (a / b).toFixed(2));
const pad = (s: string, n: number) => s.padEnd(n);
const row = (cells: string[], widths: number[]) => cells.map((c, i) => (i === 0 ? pad(c, widths[i]!) : c.padStart(widths[i]!))).join('  ');

// --- pages with no mention
const noneDir = join(corpus, 'readability');
const nonePages = readdirSync(noneDir).filter((f) => f.endsWith('.html')).sort();
const none: { page: string; r: Result }[] = [];
for (const f of ONLY_MENTIONS ? [] : nonePages) {
  const r = await measure(`/readability/${f}`, !QUICK);
  if (r) none.push({ page: f, r });
}

// --- pages with mentions, against the answer key
const key = JSON.parse(readFileSync(join(corpus, 'jak/expected.json'), 'utf8')) as {
  names: string[];
  documents: Record<string, { html: string; expected: Record<string, number>; joined_total: number }>;
};
const keyNames = new Set(key.names);
/** Which answer-key name a mention counts as: its canonical name's first word (Xeljanz XR -> xeljanz). */
const keyNameOf = (m: Result['found'][number]) => {
  const first = m.name.toLowerCase().split(/[\s,]/)[0]!;
  return keyNames.has(first) && (m.kind === 'inn' || m.kind === 'brand' || m.kind === 'salt') ? first : null;
};
const withMentions: { page: string; r: Result; expected: number; ours: number; diff: string }[] = [];
for (const [doc, entry] of QUICK ? [] : Object.entries(key.documents)) {
  const r = await measure(`/jak/${entry.html}`);
  if (!r) continue;
  const counts: Record<string, number> = {};
  for (const m of r.found) {
    const k = keyNameOf(m);
    if (k) counts[k] = (counts[k] ?? 0) + 1;
  }
  const ours = Object.values(counts).reduce((a, b) => a + b, 0);
  const diffs = [...new Set([...Object.keys(counts), ...Object.keys(entry.expected)])]
    .filter((n) => (counts[n] ?? 0) !== (entry.expected[n] ?? 0))
    .map((n) => `${n} ${counts[n] ?? 0}/${entry.expected[n] ?? 0}`);
  withMentions.push({ page: doc, r, expected: entry.joined_total, ours, diff: diffs.join(', ') });
}

const big = QUICK ? null : await measure('/generated.html', true, false, false);
const bigScrolled = QUICK ? null : await measure('/generated.html', false, true, false);
await browser.close();
server.close();

// --- report
const date = new Date().toISOString().slice(0, 10);
const out: string[] = [];
out.push(`JAK Lens benchmark, ${date}; Chromium ${found.from}; median of ${RUNS} runs per page; times are main-thread ms.`);
out.push('floor = a TreeWalker pass reading every text node; ours = the content script\'s scan and paint; mark.js = markRegExp with the same names, acrossElements.\n');

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const w1 = [34, 9, 9, 9, 10, 12, 11, 9];
const w2 = [34, 9, 9, 9, 10, 12, 11, 13];
/** A page group's figures summed over its pages; `found` fills the last column. */
function summedRow(label: string, group: { r: Result }[], found: string, widths: number[]): string {
  const floor = sum(group.map((x) => x.r.floor));
  const ours = sum(group.map((x) => x.r.ours));
  const markjs = sum(group.map((x) => x.r.markjs ?? 0));
  const longest = Math.max(...group.map((x) => x.r.longest));
  return row([label, fmt(floor), fmt(ours), fmt(markjs), ratio(ours, floor), ratio(markjs, ours), fmt(longest), found], widths);
}
/** The cold line of a page group: each page's first scan on a fresh load against the floor's first run. */
function coldLine(group: { r: Result }[]): string {
  const measured = group.filter((x) => x.r.cold);
  const floorCold = sum(measured.map((x) => x.r.floorCold));
  const oursCold = sum(measured.map((x) => x.r.cold!.ms));
  const setup = sum(measured.map((x) => x.r.cold!.setupMs));
  return (
    `  first scan on a freshly loaded page (what a reader's page load costs): floor ${fmt(floorCold)} ms, ours ${fmt(oursCold)} ms ` +
    `(${ratio(oursCold, floorCold)}x); before it, building the names list and the automaton, also cold, ${fmt(setup)} ms ` +
    `(${fmt(setup / Math.max(1, measured.length))} ms a page)`
  );
}
if (!ONLY_MENTIONS) {
  out.push(`Pages with no mention (${none.length} of ${nonePages.length} measured)`);
  out.push(row(['', 'floor', 'ours', 'mark.js', 'ours/floor', 'mark.js/ours', 'longest ours', 'found'], w1));
  out.push(summedRow('all pages, summed', none, String(sum(none.map((x) => x.r.found.length))), w1));
  out.push(
    `  where ours goes: first pass (text nodes + automaton) ${fmt(sum(none.map((x) => x.r.stats.gateMs)))} ms, ` +
      `shadow-root search ${fmt(sum(none.map((x) => x.r.stats.shadowMs)))} ms; ` +
      `${none.filter((x) => x.r.stats.gatePassed).length} pages passed the first pass (medians, like "ours")`,
  );
  out.push(coldLine(none));
  out.push(
    `  yardstick: reading every character once (join all text, one indexOf) ${fmt(sum(none.map((x) => x.r.readAll)))} ms, ` +
      `${ratio(sum(none.map((x) => x.r.readAll)), sum(none.map((x) => x.r.floor)))}x the floor`,
  );
  const byRatio = [...none].filter((x) => x.r.floor > 0.05).sort((a, b) => b.r.ours / b.r.floor - a.r.ours / a.r.floor);
  for (const x of byRatio.slice(0, 3)) {
    out.push(row([`worst ratio: ${x.page.slice(0, 22)}`, fmt(x.r.floor), fmt(x.r.ours), fmt(x.r.markjs), ratio(x.r.ours, x.r.floor), ratio(x.r.markjs, x.r.ours), fmt(x.r.longest), String(x.r.found.length)], w1));
  }
}

if (withMentions.length) {
  out.push(`\nPages with mentions (answer key: generic and brand names, joined across inline markup)`);
  out.push(row(['', 'floor', 'ours', 'mark.js', 'ours/floor', 'mark.js/ours', 'longest ours', 'found/key'], w2));
  for (const x of withMentions) {
    out.push(row([x.page.slice(0, 34), fmt(x.r.floor), fmt(x.r.ours), fmt(x.r.markjs), ratio(x.r.ours, x.r.floor), ratio(x.r.markjs, x.r.ours), fmt(x.r.longest), `${x.ours}/${x.expected}`], w2));
    if (x.diff) out.push(`    differs from the key: ${x.diff}`);
  }
  out.push(summedRow('all, summed', withMentions, `${sum(withMentions.map((x) => x.ours))}/${sum(withMentions.map((x) => x.expected))}`, w2));
  out.push(coldLine(withMentions));
}

if (big) {
  out.push(`\nGenerated page (${(big.chars / 1e6).toFixed(1)} M characters of text, ${generated.mentions} mentions)`);
  out.push(row(['', 'floor', 'ours', 'mark.js', 'ours/floor', 'mark.js/ours', 'longest ours', 'found/made'], w2));
  out.push(row(['generated.html', fmt(big.floor), fmt(big.ours), fmt(big.markjs), ratio(big.ours, big.floor), ratio(big.markjs, big.ours), fmt(big.longest), `${big.found.length}/${generated.mentions}`], w2));
  if (bigScrolled) {
    const b = bigScrolled;
    out.push(row(['  opened scrolled to the middle', fmt(b.floor), fmt(b.ours), '—', ratio(b.ours, b.floor), '—', fmt(b.longest), `${b.found.length}/${generated.mentions}`], w2));
  }
}

const report = out.join('\n');
console.log(report);
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/latest.txt'), `${report}\n`);
writeFileSync(join(root, 'bench-results/latest.json'), JSON.stringify({ none, withMentions, big }, null, 1));
