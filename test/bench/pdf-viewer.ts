// `npm run bench:pdf` (and the second part of `npm run bench`): JAK Lens's PDF viewer on a generated
// 300-page PDF, opened the way a reader opens one (the browser navigates to it and JAK Lens's rule
// sends it to the viewer), in the built extension in Chromium. Each load is traced; beside it, in
// the same run, the same viewer with every kind of name switched off, which is pdf.js and the page
// list alone (the reference). Prints, for each, the median over BENCH_LOADS loads (3 by default,
// after one load of each that is not counted): the first page drawn and the first marks, from
// navigation; the longest task on the viewer's main thread, pdf.js's included, and the longest
// share of one task of JAK Lens's own code, while the document loads and while the whole document
// is read; and, for a page reached by scrolling to the middle, the frames between its text layer
// and its marks. Then the first PDF after install, each in a fresh browser: its longest task is
// mostly the browser creating the extension's first page and compiling, so it is printed beside
// the reference's with what it was made of, and only our code's share is held to its target.
// Exits non-zero when a target is missed.
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { createServer } from 'node:http';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import { CHROME_BUILD, QUIET_NETWORK_ARGS, extensionArgs, findChromium, sandboxArgs } from '../../scripts/lib/chromium.mjs';
import { generatedPdf } from './generated-pdf';
import { mainThreadEvents, scriptTime, scriptUrlOf, startTrace, type TraceEvent } from './trace';

const LOADS = Number(process.env.BENCH_LOADS ?? 3);
const PAGES = 300;
/** A page in the middle that has names (every fifth page has none). */
const MIDDLE_PAGE = 151;
/** BENCH_DETAIL=1: what each phase's longest task was made of. */
const DETAIL = process.env.BENCH_DETAIL === '1';

const { bytes, mentions } = await generatedPdf(PAGES);
const server = createServer((req, res) => {
  if (req.url !== '/review.pdf') return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(bytes.length) }).end(bytes);
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

const found = await findChromium();
if (found.path === null) throw new Error(found.help);
let context!: BrowserContext;
let worker!: Worker;
/** A browser with JAK Lens just installed: a fresh profile, nothing compiled or cached yet. */
async function launch(): Promise<void> {
  context = await chromium.launchPersistentContext('', {
    executablePath: found.path!,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [...QUIET_NETWORK_ARGS, ...sandboxArgs(), ...extensionArgs(CHROME_BUILD)],
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

type Chrome = {
  chrome: {
    storage: { sync: { set(v: object): Promise<void> } };
    declarativeNetRequest: { getDynamicRules(): Promise<object[]> };
    runtime: { sendMessage(m: object): Promise<unknown> };
    tabs: { getCurrent(): Promise<{ id: number }> };
  };
};

async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

async function useSettings(settings: Settings): Promise<void> {
  await worker.evaluate((value) => (globalThis as unknown as Chrome).chrome.storage.sync.set({ settings: value }), settings);
  // The redirect rules follow the setting to open PDFs, which stays on in both runs.
  await until('the PDF rules', () => worker.evaluate(async () => (await (globalThis as unknown as Chrome).chrome.declarativeNetRequest.getDynamicRules()).length === 2));
}

/** Runs in the viewer as soon as it exists: notes, frame by frame, when the first page is drawn and marked. */
function watchFirstFrames(): void {
  const seen: Record<string, number> = {};
  (globalThis as unknown as { __bench: Record<string, number> }).__bench = seen;
  const frame = () => {
    const now = performance.now();
    if (seen.drawn === undefined && document.querySelector('.page[data-drawn]')) seen.drawn = now;
    if (seen.marks === undefined && (CSS.highlights.get('jak-lens')?.size ?? 0) > 0) {
      seen.marks = now;
      performance.mark('bench:first-marks');
    }
    if (seen.marks === undefined || seen.drawn === undefined) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** Runs in the viewer: scrolls to a page and counts frames from its text layer to its first mark. */
function reachPage(n: number): Promise<{ frames: number; ms: number } | null> {
  performance.mark('bench:scroll');
  const page = document.querySelector<HTMLElement>(`.page[data-page-number="${n}"]`)!;
  document.getElementById('scroller')!.scrollTop = page.offsetTop;
  const markedHere = () =>
    [...(CSS.highlights.get('jak-lens') ?? [])].some((r) => page.contains((r as StaticRange).startContainer));
  return new Promise((done) => {
    let textAt: { frame: number; time: number } | null = null;
    let frame = 0;
    const started = performance.now();
    const tick = () => {
      frame++;
      if (!textAt && page.querySelector('.textLayer span')) textAt = { frame, time: performance.now() };
      if (textAt && markedHere()) return done({ frames: frame - textAt.frame, ms: performance.now() - textAt.time });
      if (performance.now() - started > 10_000) return done(null);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

interface Load {
  drawn: number;
  marks: number | null;
  read: number | null;
  longestLoading: number;
  /** What the longest task while loading was mostly made of. */
  loadingMadeOf: string;
  oursLoading: number;
  longestReading: number;
  oursReading: number;
  reached: { frames: number; ms: number } | null;
}

const isViewerCode = (url: string) => url.startsWith('chrome-extension://') && !url.includes('/pdfjs/');

/** The longest task, and our longest share of one, among the trace's events between two marks. */
function tasksBetween(events: TraceEvent[], from: number, to: number): { longest: number; ours: number; madeOf: string } {
  // The threads' names (metadata events) say which thread is a page's main thread.
  const inside = events.filter((e) => e.ph === 'M' || (e.ts >= from && e.ts < to));
  const tasks = mainThreadEvents(inside).filter((e) => e.name === 'RunTask');
  const longest = tasks.reduce<TraceEvent | null>((a, t) => (!a || t.dur! > a.dur! ? t : a), null);
  // Its largest direct parts, by name: enough to tell the browser's own work from a script's.
  const within = longest ? mainThreadEvents(inside).filter((e) => e !== longest && e.pid === longest.pid && e.tid === longest.tid && e.ts >= longest.ts && e.ts < longest.ts + longest.dur!) : [];
  const direct = within.filter((e) => !within.some((p) => p !== e && p.ts <= e.ts && p.ts + p.dur! >= e.ts + e.dur! && p.dur! > e.dur!));
  const madeOf = direct.sort((a, b) => b.dur! - a.dur!).slice(0, 3).map((e) => `${e.name} ${(e.dur! / 1000).toFixed(0)}`).join(', ');
  if (DETAIL && longest) {
    const parts = mainThreadEvents(inside).filter((e) => e !== longest && e.pid === longest.pid && e.tid === longest.tid && e.ts >= longest.ts && e.ts < longest.ts + longest.dur! && e.dur! > 2000);
    console.log(`    longest task ${(longest.dur! / 1000).toFixed(1)} ms: ${parts.map((e) => `${e.name} ${scriptUrlOf(e).replace(/^chrome-extension:\/\/[^/]+/, '')} ${(e.dur! / 1000).toFixed(1)}`).join('; ')}`);
  }
  return { longest: (longest?.dur ?? 0) / 1000, ours: scriptTime(inside, isViewerCode, DETAIL).longestTask, madeOf };
}

async function loadOnce(marking: boolean): Promise<Load> {
  const page: Page = await context.newPage();
  const { events, stop } = await startTrace(context, page, ['blink.user_timing']);
  const navigation = page.goto(`${origin}/review.pdf`).catch(() => undefined);
  await page.waitForURL(/\/pdf\.html\?file=/, { waitUntil: 'commit', timeout: 30_000 });
  // tsx keeps function names with a helper of its own, which functions sent to a page then call.
  const ready = () => page.evaluate('globalThis.__name ??= (f) => f').then(() => page.evaluate(watchFirstFrames));
  await until('the viewer page', () => ready().then(() => true).catch(() => false));
  const first = await until('the first page', () => page.evaluate(() => (globalThis as unknown as { __bench: Record<string, number> }).__bench).then((s) => (s.drawn !== undefined && (!marking || s.marks !== undefined) ? s : null)));
  let read: number | null = null;
  if (marking) {
    const tabId = await page.evaluate(async () => (await (globalThis as unknown as Chrome).chrome.tabs.getCurrent()).id);
    await until('the whole document read', async () => {
      const summary = (await worker.evaluate((id) => (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ type: 'jak-lens/viewer-summary', tabId: id }), tabId)) as { pagesRead: number } | undefined;
      return summary && summary.pagesRead === PAGES;
    });
    read = await page.evaluate(() => performance.now());
  } else await page.waitForTimeout(1500);
  await page.evaluate(() => performance.mark('bench:read'));
  const reached = marking ? await page.evaluate(reachPage, MIDDLE_PAGE) : null;
  await page.waitForTimeout(300);
  await stop();
  await navigation;
  await page.close();
  const markTs = (name: string) => events.find((e) => e.name === name)?.ts ?? NaN;
  const start = Math.min(...events.filter((e) => e.ph === 'X').map((e) => e.ts));
  const firstMarks = marking ? markTs('bench:first-marks') : markTs('bench:read');
  const loading = tasksBetween(events, start, firstMarks);
  const reading = tasksBetween(events, firstMarks, markTs('bench:read'));
  return {
    drawn: first.drawn!,
    marks: marking ? first.marks! : null,
    read,
    longestLoading: loading.longest,
    loadingMadeOf: loading.madeOf,
    oursLoading: loading.ours,
    longestReading: reading.longest,
    oursReading: reading.ours,
    reached,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};
const fmt = (x: number | null) => (x === null || Number.isNaN(x) ? '—' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const spread = (xs: number[]) => `${fmt(median(xs))} [${fmt(Math.min(...xs))}-${fmt(Math.max(...xs))}]`;

const off = Object.fromEntries(Object.keys(DEFAULT_SETTINGS.nameKinds).map((k) => [k, false])) as Settings['nameKinds'];
const settingsOf = (marking: boolean): Settings => (marking ? DEFAULT_SETTINGS : { ...DEFAULT_SETTINGS, nameKinds: off });

// The first load after install, each configuration in a browser of its own: the browser creates
// the extension's first page from nothing and compiles every script, once.
const cold: Record<'withMarks' | 'reference', Load> = {} as never;
for (const marking of [true, false]) {
  await launch();
  await useSettings(settingsOf(marking));
  if (DETAIL) console.log(`  cold first load, ${marking ? 'JAK Lens' : 'reference'}:`);
  cold[marking ? 'withMarks' : 'reference'] = await loadOnce(marking);
  await context.close();
}

// Every later PDF: one browser for both, warmed with one load of each that is not counted (so
// neither pays the first load's compiling), then the two in turn.
await launch();
for (const marking of [true, false]) {
  await useSettings(settingsOf(marking));
  await loadOnce(marking);
}
const withMarks: Load[] = [];
const reference: Load[] = [];
for (let i = 0; i < LOADS; i++) {
  // Each goes first in every other round, so neither always follows the other.
  for (const marking of i % 2 === 0 ? [true, false] : [false, true]) {
    await useSettings(settingsOf(marking));
    if (DETAIL) console.log(`  load ${i + 1}, ${marking ? 'JAK Lens' : 'reference'}:`);
    (marking ? withMarks : reference).push(await loadOnce(marking));
  }
}
await context.close();
server.close();

const misses: string[] = [];
const verdict = (met: boolean, what: string) => {
  if (!met) misses.push(what);
  return met ? 'met' : 'MISSED';
};
const pick = (loads: Load[], key: keyof Load) => loads.map((l) => l[key] as number);
const sinceDrawn = withMarks.map((l) => l.marks! - l.drawn);
const reached = withMarks.map((l) => l.reached);

const row = (label: string, ours: string, ref: string, target = '') => console.log(`  ${label.padEnd(44)}${ours.padEnd(17)}${ref.padEnd(17)}${target}`);
const worst = (loads: Load[], key: keyof Load) => Math.max(...pick(loads, key));

console.log(`\n${PAGES}-page PDF (${(bytes.length / 1e6).toFixed(1)} MB, ${mentions} names), Chromium; ms`);
console.log(`  the reference is the same viewer with every kind of name switched off: pdf.js and the page list alone`);
console.log(`\n  every later PDF: median [min-max] of ${LOADS} loads each, after one load of each not counted`);
row('', 'JAK Lens', 'reference', 'target');
row('first page drawn, from navigation', spread(pick(withMarks, 'drawn')), spread(pick(reference, 'drawn')));
row('first marks, after the first page drawn', spread(sinceDrawn), '—', `at most 1000: ${verdict(Math.max(...sinceDrawn) <= 1000, 'first marks')}`);
row('longest task while loading (all code)', spread(pick(withMarks, 'longestLoading')), spread(pick(reference, 'longestLoading')), `at most 100: ${verdict(worst(withMarks, 'longestLoading') <= 100, 'longest task while loading')}`);
const worstOf = (loads: Load[]) => loads.reduce((a, l) => (l.longestLoading > a.longestLoading ? l : a)).loadingMadeOf;
console.log(`  ${''.padEnd(44)}the worst was mostly: JAK Lens ${worstOf(withMarks)}; reference ${worstOf(reference)}`);
row("longest share of one task, viewer's code", spread(pick(withMarks, 'oursLoading')), spread(pick(reference, 'oursLoading')), `at most 50: ${verdict(worst(withMarks, 'oursLoading') <= 50, 'our longest task while loading')}`);
row('whole document read, from navigation', spread(pick(withMarks, 'read')), '');
row('longest task while reading it (all code)', spread(pick(withMarks, 'longestReading')), spread(pick(reference, 'longestReading')), `at most 100: ${verdict(worst(withMarks, 'longestReading') <= 100, 'longest task while reading')}`);
row("longest share of one task, viewer's code", spread(pick(withMarks, 'oursReading')), spread(pick(reference, 'oursReading')), `at most 50: ${verdict(worst(withMarks, 'oursReading') <= 50, 'our longest task while reading')}`);
const frames = reached.map((r) => (r ? r.frames : Infinity));
console.log(
  `  page ${MIDDLE_PAGE} reached by scrolling: frames from its text layer to its marks ${frames.map((f) => (Number.isFinite(f) ? String(f) : 'never')).join(', ')} ` +
    `(${reached.map((r) => fmt(r?.ms ?? null)).join(', ')} ms); target at most 1: ${verdict(Math.max(...frames) <= 1, 'marks on an arrived-at page')}`,
);
console.log(`\n  the first PDF after install: one load each, in a browser of its own (a fresh profile)`);
row('first page drawn, from navigation', fmt(cold.withMarks.drawn), fmt(cold.reference.drawn));
row('longest task while loading (all code)', fmt(cold.withMarks.longestLoading), fmt(cold.reference.longestLoading), 'reported beside the reference (below)');
row("longest share of one task, viewer's code", fmt(cold.withMarks.oursLoading), fmt(cold.reference.oursLoading), `at most 50: ${verdict(cold.withMarks.oursLoading <= 50, 'our longest task on the first load after install')}`);
console.log(`  that longest task was mostly: JAK Lens ${cold.withMarks.loadingMadeOf}; reference ${cold.reference.loadingMadeOf}`);
if (misses.length) {
  console.log(`\n${misses.length} target(s) missed: ${misses.join(', ')}`);
  process.exitCode = 1;
}
