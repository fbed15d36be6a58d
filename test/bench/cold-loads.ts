// `npm run bench:cold`: what JAK Lens's content scripts cost a reader's page load, measured as the
// issue 16 targets ask: cold loads of the built extension (a fresh tab each), our script time
// taken from a trace of the page's main thread (every event of the extension's own scripts,
// timers, observers and frame callbacks included, and the promise continuations that follow
// them), beside a reference measured in the same run: a tiny extension, built here, whose content
// script only walks the page's text. On the pages with mentions it also hovers marks and times
// the card from the end of the dwell to the first paint after it.
// Prints each figure beside its reference and target, and exits non-zero when a target is missed.
// BENCH_LOADS, BENCH_CORPUS_PAGES, BENCH_HOVERS, BENCH_ONLY (a regex of page names), BENCH_DETAIL=1
// (what each load's longest task of ours was made of), JAK_BUILD (another build to measure).
import { chromium, type BrowserContext, type CDPSession } from '@playwright/test';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generatedPage } from './generated-page';
import { scriptTime, startTrace, type TraceEvent } from './trace';
import { CHROME_BUILD, QUIET_NETWORK_ARGS, extensionArgs, findChromium, sandboxArgs } from '../../scripts/lib/chromium.mjs';

const root = resolve(import.meta.dirname, '../..');
const corpus = resolve(process.env.JAK_CORPUS ?? join(root, '../shared/corpus'));
const LOADS = Number(process.env.BENCH_LOADS ?? 5);
/** How many of the corpus pages without a mention to load (all 130 take long on 2 cores). */
const CORPUS_PAGES = Number(process.env.BENCH_CORPUS_PAGES ?? 12);
const SETTLE_MS = 1200;
/** JAK_BUILD: another build of the extension to measure (an older commit's, to compare). */
const BUILD = resolve(process.env.JAK_BUILD ?? CHROME_BUILD);

// --- the reference extension: same matches, frames and timing as ours, and a text walk that reads every character
const referenceDir = mkdtempSync(join(tmpdir(), 'jak-lens-reference-'));
writeFileSync(
  join(referenceDir, 'manifest.json'),
  JSON.stringify({
    manifest_version: 3,
    name: 'Text walk reference',
    version: '1.0',
    content_scripts: [{ matches: ['<all_urls>'], js: ['walk.js'], all_frames: true, match_about_blank: true, run_at: 'document_idle' }],
  }),
);
writeFileSync(
  join(referenceDir, 'walk.js'),
  `(() => { const w = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT); let n = 0;
  for (let t = w.nextNode(); t; t = w.nextNode()) { const d = t.data; for (let i = 0; i < d.length; i++) n += d.charCodeAt(i) & 1; }
  globalThis.__walked = n; })();`,
);

// --- pages
const pages: { name: string; group: 'no text' | 'no mention' | 'mentions'; html: string }[] = [
  { name: 'empty page', group: 'no text', html: '<!doctype html><title>Empty</title><body></body>' },
  { name: 'one paragraph', group: 'no mention', html: '<!doctype html><title>One</title><p>Atopic dermatitis is a chronic, relapsing inflammatory skin disease.</p>' },
  {
    name: '20 iframes (12 blank, 5 ads, 3 pages)',
    group: 'no mention',
    html:
      '<!doctype html><title>Frames</title><p>A news page with frames.</p>' +
      Array.from({ length: 12 }, () => '<iframe src="about:blank" width="10" height="10"></iframe>').join('') +
      Array.from({ length: 5 }, (_, i) => `<iframe srcdoc="<body><img alt='ad ${i}' width='300' height='50'></body>" width="300" height="60"></iframe>`).join('') +
      Array.from({ length: 3 }, (_, i) => `<iframe srcdoc="<p>Related story ${i}: dermatology news without drug names.</p>" width="300" height="60"></iframe>`).join(''),
  },
];
const readability = join(corpus, 'readability');
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
for (const f of readdirSync(readability).filter((f) => f.endsWith('.html')).sort().slice(0, CORPUS_PAGES)) {
  pages.push({ name: f, group: 'no mention', html: readFileSync(join(readability, f), 'utf8') });
}
for (const f of ['ema-pl-olumiant.html', 'drugpage-abrocitinib-oral.html', 'ctgov-NCT03026504-baricitinib.html']) {
  pages.push({ name: f, group: 'mentions', html: readFileSync(join(corpus, 'jak', f), 'utf8') });
}
const generated = generatedPage();
pages.push({ name: `generated ${(generated.html.length / 1e6).toFixed(1)} MB page`, group: 'mentions', html: generated.html });

if (ONLY) pages.splice(0, pages.length, ...pages.filter((p) => ONLY.test(p.name)));

const server = createServer((req, res) => {
  const i = Number(new URL(req.url ?? '/', 'http://127.0.0.1').pathname.slice(1));
  const page = pages[i];
  if (!page) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page.html);
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

const found = await findChromium();
if (found.path === null) throw new Error(found.help);
async function launch(extension: string | null): Promise<BrowserContext> {
  return chromium.launchPersistentContext('', {
    executablePath: found.path!,
    headless: true,
    args: [...QUIET_NETWORK_ARGS, ...sandboxArgs(), ...(extension ? extensionArgs(extension) : [])],
  });
}

/** BENCH_DETAIL=1: print what our longest task of each load was made of. */
const DETAIL = process.env.BENCH_DETAIL === '1';
const isExtensionScript = (url: string) => url.startsWith('chrome-extension://');
const ours = (events: TraceEvent[]) => scriptTime(events, isExtensionScript, DETAIL);

/**
 * The floor of targets 2 and 3, run in each frame of a bare load: a walk over the text that reads
 * every character and tests one case-insensitive regex of the six generic names, in a fresh
 * isolated world (DOM access from an isolated world costs more than from the page's own). ms.
 */
const FLOOR_WALK = `(() => { const t0 = performance.now(); const re = /abrocitinib|upadacitinib|baricitinib|ruxolitinib|delgocitinib|tofacitinib/i;
  const w = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT); let n = 0, hit = false;
  for (let t = w.nextNode(); t; t = w.nextNode()) { const d = t.data; for (let i = 0; i < d.length; i++) n += d.charCodeAt(i) & 1; if (!hit && re.test(d)) hit = true; }
  globalThis.__floor = [n, hit]; return performance.now() - t0; })()`;

async function floorOf(cdp: CDPSession): Promise<number> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const frames: string[] = [];
  const collect = (node: typeof frameTree) => {
    frames.push(node.frame.id);
    for (const child of node.childFrames ?? []) collect(child);
  };
  collect(frameTree);
  let ms = 0;
  for (const frameId of frames) {
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId, worldName: 'text-walk-floor' });
    const { result } = await cdp.send('Runtime.evaluate', { contextId: executionContextId, expression: FLOOR_WALK, returnByValue: true });
    ms += typeof result.value === 'number' ? result.value : 0;
  }
  return ms;
}

async function coldLoad(context: BrowserContext, url: string, withFloor = false): Promise<{ ms: number; longestTask: number; heap: number; floor: number }> {
  const page = await context.newPage();
  const { cdp, events, stop } = await startTrace(context, page);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await stop();
  // After the heap is read, so the floor's own objects are not counted in it.
  const floor = withFloor ? await floorOf(cdp) : 0;
  await page.close();
  return { ...ours(events), heap: usedSize, floor };
}

/** Where the n-th of `count` marks spread over the page is, scrolled to the middle of the viewport (runs in the page). */
function pointOfMark(a: { k: number; count: number }): { x: number; y: number } | null {
  const ranges = [...(CSS.highlights.get('jak-lens') ?? [])] as StaticRange[];
  const r = ranges[Math.floor((a.k * ranges.length) / a.count)];
  if (!r) return null;
  r.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  const rect = range.getClientRects()[0];
  return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
}

const HOVERS = Number(process.env.BENCH_HOVERS ?? 4);
const DWELL_MS = 300;

/**
 * Target 5: hovers over marks spread across the page, the first card of the page included. From a
 * trace: from the moment the dwell timer of ours fires to the end of the first paint after that
 * task. Also our longest task while the cards open. ms.
 */
async function hovers(context: BrowserContext, url: string): Promise<{ latencies: number[]; longestTask: number; marks: number }> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  // The marks held in the highlight once the page has settled: every mention, or on a page with
  // more than 1,000 only those near the viewport (npm run bench checks mentions against the answer key).
  const marks = await page.evaluate(() => CSS.highlights.get('jak-lens')?.size ?? 0);
  const { events, stop } = await startTrace(context, page);
  for (let k = 0; k < HOVERS; k++) {
    await page.mouse.move(2, 2);
    await page.waitForTimeout(500);
    const at = await page.evaluate(pointOfMark, { k, count: HOVERS });
    if (!at) break;
    await page.waitForTimeout(200);
    await page.mouse.move(at.x, at.y);
    await page.waitForTimeout(DWELL_MS + 500);
  }
  await stop();
  await page.close();
  const installs = new Set(events.filter((e) => e.name === 'TimerInstall' && (e.args as { data?: { timeout?: number } })?.data?.timeout === DWELL_MS).map((e) => (e.args as { data: { timerId: number } }).data.timerId));
  const fires = events.filter((e) => e.name === 'TimerFire' && e.ph === 'X' && installs.has((e.args as { data: { timerId: number } }).data.timerId));
  const ourFires = fires.filter((f) => events.some((e) => e.tid === f.tid && e.ts >= f.ts && e.ts < f.ts + f.dur! && (e.args?.data?.url ?? '').startsWith('chrome-extension://')));
  const latencies = ourFires.map((f) => {
    const paint = events.filter((e) => e.tid === f.tid && e.name === 'Paint' && e.ts >= f.ts + f.dur!).sort((a, b) => a.ts - b.ts)[0];
    return paint ? (paint.ts + paint.dur! - f.ts) / 1000 : Infinity;
  });
  return { latencies, longestTask: ours(events).longestTask, marks };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const [bare, reference, jakLens] = [await launch(null), await launch(referenceDir), await launch(BUILD)];
type Row = { name: string; group: string; floor: number; ref: number; jak: number; longest: number; heapExtra: number; refHeapExtra: number; cards: number[]; marks: number | null };
const rows: Row[] = [];
for (const [i, page] of pages.entries()) {
  const url = `${origin}/${i}`;
  const r: number[] = [];
  const j: number[] = [];
  const longest: number[] = [];
  const heapBare: number[] = [];
  const heapJak: number[] = [];
  const heapRef: number[] = [];
  const floor: number[] = [];
  for (let k = 0; k < LOADS; k++) {
    const bareLoad = await coldLoad(bare, url, true);
    heapBare.push(bareLoad.heap);
    floor.push(bareLoad.floor);
    const refLoad = await coldLoad(reference, url);
    r.push(refLoad.ms);
    heapRef.push(refLoad.heap);
    const ourLoad = await coldLoad(jakLens, url);
    j.push(ourLoad.ms);
    longest.push(ourLoad.longestTask);
    heapJak.push(ourLoad.heap);
  }
  const cards = page.group === 'mentions' ? await hovers(jakLens, url) : { latencies: [], longestTask: 0, marks: null };
  rows.push({ name: page.name, group: page.group, floor: median(floor), ref: median(r), jak: median(j), longest: Math.max(...longest, cards.longestTask), heapExtra: median(heapJak) - median(heapBare), refHeapExtra: median(heapRef) - median(heapBare), cards: cards.latencies, marks: cards.marks });
}
await Promise.all([bare.close(), reference.close(), jakLens.close()]);
server.close();

// --- report
const fmt = (n: number, d = 2) => n.toFixed(d);
const misses: string[] = [];
const target = (ok: boolean, what: string) => {
  if (!ok) misses.push(what);
  return ok ? 'met' : 'MISSED';
};
console.log(`JAK Lens cold loads (${BUILD}), ${new Date().toISOString().slice(0, 10)}; Chromium ${found.path}; median of ${LOADS} cold loads per page; ms of main-thread script`);
console.log('reference = a content script that only walks the text (same matches, frames, timing), loaded the same way');
console.log('floor = a walk reading every character and testing a regex of the six generic names, in a fresh isolated world of each frame of a bare load\n');
console.log(`${'page'.padEnd(44)}${'floor'.padStart(8)}${'reference'.padStart(10)}${'JAK Lens'.padStart(10)}${'ratio'.padStart(8)}${'longest'.padStart(9)}${'heap +MB'.padStart(10)}${'held'.padStart(7)}  card after dwell (ms, each hover)`);
for (const row of rows) {
  console.log(`${row.name.slice(0, 43).padEnd(44)}${fmt(row.floor).padStart(8)}${fmt(row.ref).padStart(10)}${fmt(row.jak).padStart(10)}${fmt(row.jak / row.ref).padStart(8)}${fmt(row.longest).padStart(9)}${fmt(row.heapExtra / 1024 / 1024).padStart(10)}${String(row.marks ?? '').padStart(7)}  ${row.cards.map((c) => fmt(c, 1)).join(' ')}`);
}
const sum = (group: string, key: 'floor' | 'ref' | 'jak') => rows.filter((r) => r.group === group).reduce((a, r) => a + r[key], 0);
console.log('\ntargets');
const noText = sum('no text', 'jak') / sum('no text', 'ref');
console.log(`  frame with no text: ${fmt(noText)}x the reference (target at most 1.2x): ${target(noText <= 1.2, 'frame with no text')}`);
const noMention = sum('no mention', 'jak') / sum('no mention', 'ref');
console.log(`  pages without a mention, summed: ${fmt(noMention)}x the reference (target at most 1.5x): ${target(noMention <= 1.5, 'pages without a mention')}`);
const noMentionFloor = sum('no mention', 'jak') / sum('no mention', 'floor');
console.log(`  pages without a mention, summed: ${fmt(noMentionFloor)}x the floor (target at most 2x): ${target(noMentionFloor <= 2, 'pages without a mention against the floor')}`);
const withMentions = sum('mentions', 'jak') / sum('mentions', 'floor');
console.log(`  pages with mentions, summed: ${fmt(withMentions)}x the floor (target at most 3x; the reference extension's ratio ${fmt(sum('mentions', 'jak') / sum('mentions', 'ref'))}x): ${target(withMentions <= 3, 'pages with mentions')}`);
const longest = Math.max(...rows.map((r) => r.longest));
console.log(`  longest task of ours: ${fmt(longest)} ms (target at most 16 ms): ${target(longest <= 16, 'longest task')}`);
const heapNoMention = median(rows.filter((r) => r.group !== 'mentions').map((r) => r.heapExtra)) / 1024 / 1024;
const refHeap = median(rows.filter((r) => r.group !== 'mentions').map((r) => r.refHeapExtra)) / 1024 / 1024;
console.log(`  extra JS heap on a page without a mention (median): ${fmt(heapNoMention)} MB, the reference's ${fmt(refHeap)} MB (target under 0.3 MB): ${target(heapNoMention < 0.3, 'heap')}`);
const everyFrameFile = (JSON.parse(readFileSync(join(BUILD, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[] }[] }).content_scripts[0]!.js[0]!;
const everyFrame = gzipSync(readFileSync(join(BUILD, everyFrameFile))).length / 1024;
console.log(`  script every frame evaluates: ${fmt(everyFrame, 1)} kB gzipped (target under 10 kB): ${target(everyFrame < 10, 'every-frame script size')}`);
const cards = rows.flatMap((r) => r.cards);
const firstCards = rows.filter((r) => r.cards.length).map((r) => r.cards[0]!);
console.log(`  card on screen after the dwell: median ${fmt(median(cards))} ms, worst ${fmt(Math.max(...cards))} ms, first card of each page ${firstCards.map((c) => fmt(c, 1)).join(', ')} ms (${cards.length} hovers; target median at most 16 ms, worst under 50 ms): ${target(cards.length > 0 && median(cards) <= 16 && Math.max(...cards) < 50, 'card after the dwell')}`);
if (misses.length) {
  console.log(`\n${misses.length} target(s) missed: ${misses.join(', ')}`);
  process.exitCode = 1;
}
