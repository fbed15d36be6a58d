// Bundled by test/bench/run.ts and evaluated in each benchmark page. It runs the
// content script's real page session (scanner, matcher, painter; the messages to
// the background answered in the page), a bare TreeWalker pass (the floor) and
// mark.js, in the same page load, and reports main-thread times.
import Mark from 'mark.js';
import { PageSession, type SessionPorts } from '../../src/content/page-session';
import { matchableNames } from '../../src/data/names';
import type { ScanPhase } from '../../src/page/scanner';
import type { PageMention } from '../../src/page/page-mention';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';

const names = matchableNames();
/** No background here: nothing asked of it is answered, and no card code is loaded. */
const ports: SessionPorts = { ask: () => new Promise(() => undefined), cardUi: () => undefined };
/** What building a session costs (the names' automaton; the matcher's tables come with the first mention). */
let setupMs = 0;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const root = () => document.body ?? document.documentElement;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** The floor: read every text node once, change nothing. */
function floorOnce(): number {
  const t = performance.now();
  const walker = document.createTreeWalker(root(), NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += (n as Text).data.length;
  (globalThis as { sink?: number }).sink = chars;
  return performance.now() - t;
}

/**
 * Not a target, a yardstick: the cheapest pass that looks at every character
 * (joins all text nodes' text and searches it for one literal). The floor above
 * never reads a character, only each node's length.
 */
function readEveryCharOnce(): number {
  const t = performance.now();
  const walker = document.createTreeWalker(root(), NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push((n as Text).data);
  (globalThis as { sink?: boolean }).sink = parts.join('').includes('tinib');
  return performance.now() - t;
}

interface Stats {
  gateMs: number;
  shadowMs: number;
  gatePassed: boolean;
}

/** One session's first scan: its main-thread time (painting happens inside the scan's slices), longest stretch, and mentions. */
async function oursOnce(): Promise<{ ms: number; longest: number; mentions: PageMention[]; stats: Stats }> {
  const work: { phase: ScanPhase; ms: number }[] = [];
  const t = performance.now();
  const session = new PageSession(DEFAULT_SETTINGS, { ports, names, onWork: (phase, ms) => work.push({ phase, ms }) });
  setupMs ||= performance.now() - t;
  await session.start();
  const mentions = [...session.shown];
  session.stop();
  const sum = (phase: ScanPhase) => work.filter((w) => w.phase === phase).reduce((a, w) => a + w.ms, 0);
  return {
    ms: work.reduce((a, w) => a + w.ms, 0),
    longest: Math.max(0, ...work.map((w) => w.ms)),
    mentions,
    stats: { gateMs: sum('first-pass'), shadowMs: sum('shadow-roots'), gatePassed: work.some((w) => w.phase === 'blocks') },
  };
}

function markJsOnce(): Promise<{ ms: number; count: number }> {
  return new Promise((resolve) => {
    const marker = new Mark(root());
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}_])(?:${[...names].sort((a, b) => b.text.length - a.text.length).map((n) => escapeRegExp(n.text)).join('|')})(?![\\p{L}\\p{N}_])`,
      'giu',
    );
    let count = 0;
    const t = performance.now();
    marker.markRegExp(pattern, {
      acrossElements: true,
      exclude: ['script', 'style', 'noscript', 'template', 'textarea', 'title', '[contenteditable]'],
      each: () => count++,
      done: () => {
        const ms = performance.now() - t;
        marker.unmark({ done: () => resolve({ ms, count }) });
      },
    });
  });
}

/**
 * One scan on a freshly loaded page, before anything else has read its text:
 * what a reader's page load costs (the median below is of warmed-up runs).
 */
export async function runOursCold() {
  const r = await oursOnce();
  return { ms: r.ms, setupMs };
}

export async function runBench(runs: number, withMarkJs: boolean) {
  // The first floor run is the first read of this page's text: the floor's cold figure.
  const floorCold = floorOnce();
  const floor: number[] = [];
  const readAll: number[] = [];
  const ours: number[] = [];
  const gate: number[] = [];
  const shadow: number[] = [];
  let longest = 0;
  let mentions: PageMention[] = [];
  let gatePassed = false;
  for (let i = 0; i < runs; i++) {
    floor.push(floorOnce());
    readAll.push(readEveryCharOnce());
    const r = await oursOnce();
    ours.push(r.ms);
    gate.push(r.stats.gateMs);
    shadow.push(r.stats.shadowMs);
    gatePassed = r.stats.gatePassed;
    longest = Math.max(longest, r.longest);
    mentions = r.mentions;
  }
  const text = (m: PageMention) => {
    const range = document.createRange();
    range.setStart(m.range.startContainer, m.range.startOffset);
    range.setEnd(m.range.endContainer, m.range.endOffset);
    return range.toString();
  };
  // Read the texts before mark.js rewrites the DOM.
  const foundList = mentions.map((m) => ({ drugId: m.drugId, name: m.name, kind: m.kind, text: text(m) }));
  let markjs: number | null = null;
  let markjsCount: number | null = null;
  if (withMarkJs) {
    const m = await markJsOnce();
    markjs = m.ms;
    markjsCount = m.count;
  }
  return {
    floor: median(floor),
    floorCold,
    readAll: median(readAll),
    ours: median(ours),
    longest,
    markjs,
    markjsCount,
    found: foundList,
    chars: root().textContent?.length ?? 0,
    setupMs,
    // Medians like the rest, so the parts can be set against "ours".
    stats: {
      gateMs: median(gate),
      shadowMs: median(shadow),
      gatePassed,
    },
  };
}

(globalThis as { __jakBench?: typeof runBench }).__jakBench = runBench;
(globalThis as { __jakCold?: typeof runOursCold }).__jakCold = runOursCold;
