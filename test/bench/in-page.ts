// Bundled by test/bench/run.ts and evaluated in each benchmark page. It runs the
// extension's real scanning and painting code, a bare TreeWalker pass (the
// floor) and mark.js, in the same page load, and reports main-thread times.
import Mark from 'mark.js';
import { matchableNames } from '../../src/data/names';
import { buildMatcher } from '../../src/match/find-mentions';
import { Probe } from '../../src/match/probe';
import { HighlightPainter } from '../../src/paint/highlight-painter';
import type { PageMention } from '../../src/page/page-mention';
import { Scanner } from '../../src/page/scanner';

// What the content script builds once per page load, timed cold as it runs there (the matcher's
// tables are built on first use, so on pages with a mention that cost falls inside the first scan).
const setupStart = performance.now();
const names = matchableNames();
const matcher = buildMatcher(names);
const probe = new Probe(names.map((n) => n.text));
const setupMs = performance.now() - setupStart;
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

async function oursOnce(): Promise<{ ms: number; longest: number; mentions: PageMention[]; stats: Scanner['stats'] }> {
  let painter: HighlightPainter | null = null;
  let longestPaint = 0;
  const scanner = new Scanner(document, {
    matcher,
    probe,
    onChange: (mentions) => {
      const t = performance.now();
      if (mentions.length) {
        painter ??= new HighlightPainter(document, 'underline');
        painter.paint(mentions);
      }
      const d = performance.now() - t;
      longestPaint = Math.max(longestPaint, d);
    },
  });
  await scanner.fullScan();
  const mentions = scanner.all();
  scanner.stop();
  (painter as HighlightPainter | null)?.destroy();
  // Painting is called from inside the scan's slices, so busyMs already includes it.
  return { ms: scanner.stats.busyMs, longest: Math.max(scanner.stats.longestSliceMs, longestPaint), mentions, stats: { ...scanner.stats } };
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
