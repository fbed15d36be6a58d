import type { BrowserContext, CDPSession, Page } from '@playwright/test';

// Reading a Chromium trace of a page's main threads: the benchmarks' one way to say how much time
// a script took and how long its longest task was, wherever the work came from (timers, observers,
// frame callbacks and the promise continuations after them included).

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; worldName?: string; fileName?: string; data?: { url?: string; scriptName?: string; fileName?: string } };
}

/**
 * The time scripts matching `isOurs` (by URL) spent on the page's main thread, and their longest
 * share of one task, in ms; with `detail`, prints what that longest share was made of.
 */
export function scriptTime(events: TraceEvent[], isOurs: (url: string) => boolean, detail = false): { ms: number; longestTask: number } {
  const onMain = mainThreadEvents(events);
  const direct = onMain.filter((e) => isOurs(scriptUrlOf(e)));
  // What our promises continue with runs in the microtask checkpoint that follows our callback,
  // an event that names no script: it counts as ours when it starts as our callback ends, inside
  // the same task (a page's own callbacks in that task would have their own checkpoint).
  const ends = direct.map((e) => e.ts + e.dur!);
  const checkpoints = onMain.filter((e) => e.name === 'RunMicrotasks' && direct.some((d, i) => d.pid === e.pid && d.tid === e.tid && e.ts >= ends[i]! && e.ts - ends[i]! < 200));
  const mine = [...direct, ...checkpoints].sort((a, b) => a.ts - b.ts);
  const outer: TraceEvent[] = [];
  for (const e of mine) {
    const last = outer[outer.length - 1];
    if (last && e.ts < last.ts + last.dur!) continue;
    outer.push(e);
  }
  let longestTask = 0;
  let longestParts: TraceEvent[] = [];
  for (const task of onMain.filter((e) => e.name === 'RunTask')) {
    const parts = outer.filter((e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts < task.ts + task.dur!);
    const inside = parts.reduce((a, e) => a + e.dur!, 0);
    if (inside > longestTask) [longestTask, longestParts] = [inside, parts];
  }
  if (detail) {
    const file = (e: TraceEvent) => scriptUrlOf(e).replace(/^chrome-extension:\/\/[^/]+/, '');
    const inner = (e: TraceEvent) =>
      onMain.filter((m) => m !== e && m.pid === e.pid && m.tid === e.tid && m.ts >= e.ts && m.ts < e.ts + e.dur! && m.dur! > 300).map((m) => `${m.name} ${(m.dur! / 1000).toFixed(1)}`).join(', ');
    const fn = (e: TraceEvent) => (e.args?.data as { functionName?: string; lineNumber?: number; columnNumber?: number } | undefined) ?? {};
    if (process.env.BENCH_DETAIL_ALL === '1') console.log(`    all: ${outer.map((e) => `${e.name} ${file(e)} ${(e.dur! / 1000).toFixed(1)}`).join('; ')}`);
    console.log(`    longest task ${(longestTask / 1000).toFixed(1)} ms: ${longestParts.map((e) => `${e.name} ${file(e)} ${fn(e).functionName ?? ''}:${fn(e).lineNumber ?? ''}:${fn(e).columnNumber ?? ''} ${(e.dur! / 1000).toFixed(1)} ms [${inner(e)}]`).join('; ')}`);
  }
  return { ms: outer.reduce((a, e) => a + e.dur!, 0) / 1000, longestTask: longestTask / 1000 };
}

/** The script an event ran, as the trace names it. */
export function scriptUrlOf(e: TraceEvent): string {
  return e.args?.data?.url ?? e.args?.data?.scriptName ?? e.args?.data?.fileName ?? e.args?.fileName ?? '';
}

/** The renderer main threads' complete events (a navigation may move the tab to a new process). */
export function mainThreadEvents(events: TraceEvent[]): TraceEvent[] {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  return events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`) && e.dur !== undefined);
}

/** Starts tracing a page's main threads; `stop()` resolves once every event has arrived in `events`. */
export async function startTrace(context: BrowserContext, page: Page, extraCategories: string[] = []): Promise<{ cdp: CDPSession; events: TraceEvent[]; stop: () => Promise<void> }> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', '__metadata', ...extraCategories] },
  });
  return { cdp, events, stop: () => cdp.send('Tracing.end').then(() => complete) };
}
