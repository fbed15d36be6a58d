import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import { extensionWorker, launchChromium } from '../e2e/drivers/chromium';
import { marksBesideShownNames } from '../e2e/support/in-page';
import { startPageServer } from '../e2e/support/page-server';
import type { Problem } from '../e2e/support/problems';

// A page left open all day while the clinician changes settings: a React page re-rendering every
// 50 ms, soaked for three minutes while the site is paused and resumed 50 times and the brand
// names are switched off and on 50 times. Beside it, in a second browser, the same page loaded
// fresh and left open as long. At the end the soaked page must look and cost like the fresh one.

const SOAK_MS = Number(process.env.SOAK_SECONDS ?? 180) * 1000;
const CYCLES = 50;
/** The page's JS heap after a forced GC may exceed the fresh page's by this much and no more. */
const HEAP_SLACK = 2 * 1024 * 1024;
const NAMES = ['upadacitinib', 'Rinvoq', 'abrocitinib', 'Olumiant', 'tofacitinib', 'Opzelura'];
const CENSUS_BUILD = resolve(import.meta.dirname, '../../.output/census/chrome-mv3');

interface Census {
  listeners: number;
  observers: number;
  timers: number;
  frames: number;
}

/** The content script's census (src/content/census.ts), read in its own isolated world through CDP. */
async function readCensus(context: BrowserContext, page: Page): Promise<Census> {
  const cdp = await context.newCDPSession(page);
  const worlds: number[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: ec }) => {
    const aux = ec.auxData as { type?: string; frameId?: string; isDefault?: boolean } | undefined;
    if (aux?.type === 'isolated' && ec.name === 'JAK Lens') worlds.push(ec.id);
  });
  await cdp.send('Runtime.enable');
  const results: Census[] = [];
  for (const contextId of worlds) {
    const { result } = await cdp.send('Runtime.evaluate', { contextId, expression: "globalThis[Symbol.for('jak-lens.census')]?.()", returnByValue: true });
    if (result.value) results.push(result.value as Census);
  }
  await cdp.detach();
  expect(results.length, 'the content script runs in the top frame').toBe(1);
  return results[0]!;
}

async function heapAfterGc(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

/** Stops the page's ticker, waits until marks and shown names agree, and returns the marks. */
async function settledMarks(page: Page): Promise<string[]> {
  await page.evaluate(() => (window as unknown as { stopTicker(): void }).stopTicker());
  let marks: string[] = [];
  await expect
    .poll(async () => {
      const pair = await page.evaluate(marksBesideShownNames, { rootId: 'root', names: NAMES });
      if (!pair) return false;
      marks = pair[0];
      return pair[0].length > 0 && JSON.stringify(pair[0]) === JSON.stringify(pair[1]);
    }, { timeout: 10_000 })
    .toBe(true);
  return marks;
}

test('three minutes of pauses and name-kind changes on a re-rendering page leave nothing behind', async () => {
  const server = await startPageServer();
  const problems: Problem[] = [];
  const [soaked, fresh] = await Promise.all([launchChromium(server.origin, problems, CENSUS_BUILD), launchChromium(server.origin, problems, CENSUS_BUILD)]);
  const url = `${server.origin}/react-rerender.html?every=50`;
  const [page, freshPage] = await Promise.all([soaked.newPage(), fresh.newPage()]);
  await Promise.all([page.goto(url), freshPage.goto(url)]);
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('jak-lens'))).toBe(true);

  const worker = extensionWorker(soaked);
  const save = (settings: Settings) =>
    worker.evaluate((value) => (globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }).chrome.storage.sync.set({ settings: value }), settings);
  const paused: Settings = { ...DEFAULT_SETTINGS, sites: ['127.0.0.1'] };
  const noBrands: Settings = { ...DEFAULT_SETTINGS, nameKinds: { ...DEFAULT_SETTINGS.nameKinds, brand: false } };
  const steps = [paused, DEFAULT_SETTINGS, noBrands, DEFAULT_SETTINGS];
  const started = Date.now();
  const stepMs = SOAK_MS / (CYCLES * steps.length);
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    for (const [i, settings] of steps.entries()) {
      await save(settings);
      const due = started + (cycle * steps.length + i + 1) * stepMs;
      await page.waitForTimeout(Math.max(0, due - Date.now()));
    }
  }
  const soakedFor = Date.now() - started;

  // What the reader sees: React still rendering its own text, and the marks on exactly the names shown.
  const renders = await page.evaluate(() => (window as unknown as { renders: number }).renders);
  expect(renders, 'React rendered all along').toBeGreaterThan(soakedFor / 50 / 2);
  expect(await page.evaluate(() => document.getElementById('line')!.textContent)).toMatch(new RegExp(`^Now reading about (${NAMES.join('|')}) and (${NAMES.join('|')})\\.$`));
  const [marks, freshMarks] = await Promise.all([settledMarks(page), settledMarks(freshPage)]);

  // What it costs: the content script's live listeners, observers, timers and frame callbacks,
  // and the page's heap, beside the fresh page's.
  // Both pages are still now; a timer of a moment ago (the 200 ms counts report) may still be
  // pending in one of them, so the two are read until they agree or 5 s have passed.
  let [census, freshCensus] = await Promise.all([readCensus(soaked, page), readCensus(fresh, freshPage)]);
  for (let tries = 0; tries < 20 && JSON.stringify(census) !== JSON.stringify(freshCensus); tries++) {
    await page.waitForTimeout(250);
    [census, freshCensus] = await Promise.all([readCensus(soaked, page), readCensus(fresh, freshPage)]);
  }
  const [heap, freshHeap] = await Promise.all([heapAfterGc(soaked, page), heapAfterGc(fresh, freshPage)]);
  const mb = (n: number) => (n / 1024 / 1024).toFixed(2);
  console.log(
    [
      `soaked for ${(soakedFor / 1000).toFixed(0)} s: ${CYCLES} pauses and resumes, ${CYCLES} brand names off and on; ${renders} React renders`,
      `marks at the end: soaked ${marks.length} (${marks.join(', ')}), fresh ${freshMarks.length}`,
      `content script live: soaked ${JSON.stringify(census)}, fresh ${JSON.stringify(freshCensus)}`,
      `JS heap after GC: soaked ${mb(heap)} MB, fresh ${mb(freshHeap)} MB, difference ${mb(heap - freshHeap)} MB (allowed ${mb(HEAP_SLACK)} MB)`,
    ].join('\n'),
  );
  expect(census).toEqual(freshCensus);
  expect(heap - freshHeap).toBeLessThan(HEAP_SLACK);
  expect(problems).toEqual([]);

  await Promise.all([soaked.close(), fresh.close()]);
  await server.close();
});
