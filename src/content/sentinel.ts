import { blockOf } from '../page/dom-rules';
import { textsThatMayMention } from '../page/first-pass';
import { openShadowRoots } from '../page/shadow-roots';
import type { Probe } from '../match/probe';
import { setFrameState } from '../messaging/frame-state';

// The script every frame of every page runs. It costs what one read of the
// page's text costs and no more: no extension API, no settings, no card, only
// the first-pass automaton over the text. When the text may name a drug (now,
// or after a later edit), it wakes the page session, which the background
// injects into this frame; until then it watches the page's edits, reading
// only the blocks they touch.

export interface SentinelOptions {
  /** The first-pass automaton, built on first use: a frame with no text never needs it. */
  probe: () => Probe;
  /** Asks for the page session. Called at most once. */
  wake: () => void;
}

/** True when the page asks to be left alone: <meta name="jak-lens" content="off">. */
export function pageOptsOut(doc: Document): boolean {
  const meta = doc.querySelector('meta[name="jak-lens" i]');
  return meta?.getAttribute('content')?.trim().toLowerCase() === 'off';
}

/** True when `root` holds a text node: an empty frame (about:blank, an image ad) needs no automaton. */
function hasText(root: Node): boolean {
  return (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT).nextNode() !== null;
}

/** True when some text under `root` may hold a name. */
function mayMention(root: Node, probe: () => Probe): boolean {
  if (!hasText(root)) return false;
  for (const text of textsThatMayMention(root, probe())) if (text) return true;
  return false;
}

/** The longest the first read of a page holds the page up before it lets the page run. */
const SLICE_MS = 5;

/**
 * Reads the text under `root` in slices of at most SLICE_MS (a page of ordinary length takes
 * one) and calls `done` with whether it may hold a name, unless `stopped()` by then.
 */
function readInSlices(root: Node, probe: () => Probe, stopped: () => boolean, done: (may: boolean) => void): void {
  if (!hasText(root)) return done(false);
  const texts = textsThatMayMention(root, probe());
  const slice = () => {
    if (stopped()) return;
    const end = performance.now() + SLICE_MS;
    for (let next = texts.next(); !next.done; next = texts.next()) {
      if (next.value) return done(true);
      if (performance.now() > end) return void setTimeout(slice, 0);
    }
    done(false);
  };
  slice();
}

/** The web components' open shadow roots under `root`, read like the page. */
function shadowRootsMayMention(root: Element | ShadowRoot, probe: () => Probe): boolean {
  for (const shadow of openShadowRoots(root)) if (mayMention(shadow, probe) || shadowRootsMayMention(shadow, probe)) return true;
  return false;
}

/** Watches `doc` until its text may name a drug, then wakes the session. Returns a stop function (for tests). */
export function startSentinel(doc: Document, options: SentinelOptions): () => void {
  // The browser's own PDF viewer: nothing here to read, but the popup can offer JAK Lens's viewer.
  if (doc.contentType === 'application/pdf') {
    setFrameState('pdf');
    return () => undefined;
  }
  if (pageOptsOut(doc)) {
    setFrameState('opted-out');
    return () => undefined;
  }
  setFrameState('watching');
  const { probe } = options;
  let observer: MutationObserver | null = null;
  let frame = 0;
  const touched = new Set<Node>();
  const stop = () => {
    observer?.disconnect();
    observer = null;
    cancelAnimationFrame(frame);
    touched.clear();
  };
  const wake = () => {
    stop();
    options.wake();
  };

  // Later text is read once a frame: an added element whole, an edited or added text with its
  // block (a name may be split across the text nodes of one block). Watching starts before the
  // first read, which may take more than one task on a long page.
  const check = () => {
    frame = 0;
    const blocks = new Set<Node>();
    for (const node of touched) {
      if (!node.isConnected) continue;
      blocks.add(node.nodeType === 1 ? node : (blockOf(node) ?? node));
    }
    touched.clear();
    for (const block of blocks) {
      if (mayMention(block, probe) || (block.nodeType === 1 && shadowRootsMayMention(block as Element, probe))) return wake();
    }
  };
  observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') touched.add(record.target);
      else for (const node of record.addedNodes) touched.add(node);
    }
    if (touched.size && !frame) frame = requestAnimationFrame(check);
  });
  observer.observe(doc, { childList: true, subtree: true, characterData: true });

  const root = doc.body ?? doc.documentElement;
  if (root) readInSlices(root, probe, () => observer === null, (may) => (may || shadowRootsMayMention(root, probe) ? wake() : undefined));
  return stop;
}
