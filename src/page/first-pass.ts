import type { Probe } from '../match/probe';

// The first pass over a page: where can it mention a drug? Most pages cannot,
// and for them this is the content script's whole cost, so it does as little
// as possible: one walk over the text nodes and one read of their characters.
// On a page that can, it says which text nodes to look at, so the precise
// pass reads the blocks around them instead of the whole page again.

/** Text in these never reaches the reader; scripts can be most of a page's characters. */
const NOT_PROSE = new Set(['script', 'style', 'noscript', 'template']);
/**
 * Only text nodes longer than this are checked for sitting in a script or style.
 * The check costs more than reading a short text; a short script that happens
 * to hold a name only costs the precise pass a look, and it skips scripts.
 */
const CHECK_PARENT_ABOVE = 256;
/**
 * Text is read in batches of about this many characters, joined into one
 * string first: Chromium hands each node's text over as an external string,
 * which JavaScript reads character by character about four times slower than
 * one string it has built itself.
 */
const BATCH = 16384;
/** How often one pass starts again after the page removed the text it had paused at. */
const MAX_RESTARTS = 3;

/**
 * The text nodes under `root` where a name may end, in document order, with
 * null after each batch of text (a place for the caller to pause). After a
 * node is reported, the automaton starts afresh at the next node: the caller
 * reads the whole block around a reported node, and a name never spans two
 * blocks, so nothing is missed. Yields no node when nothing under `root` can
 * contain a mention. A node may be yielded again if the walk had to start again.
 */
export function* textsThatMayMention(root: Node, probe: Probe): Generator<Text | null> {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let state = 0;
  let parts: string[] = [];
  let nodes: Text[] = [];
  /** Where each node's text ends in the joined batch. */
  let ends: number[] = [];
  let size = 0;

  function* readBatch(): Generator<Text> {
    const text = parts.length === 1 ? parts[0]! : parts.join('');
    let from = 0;
    for (;;) {
      const hit = probe.firstHit(text, from, state);
      if (hit < 0) {
        // The state carries over, so a name cut by the batch boundary is still seen.
        state = -1 - hit;
        break;
      }
      const k = firstEndAfter(ends, hit);
      yield nodes[k]!;
      from = ends[k]!;
      state = 0;
    }
    parts = [];
    nodes = [];
    ends = [];
    size = 0;
  }

  let restarts = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (data.length === 0) continue;
    if (data.length > CHECK_PARENT_ABOVE && NOT_PROSE.has((node.parentNode as Element).localName)) continue;
    parts.push(data);
    nodes.push(node as Text);
    size += data.length;
    ends.push(size);
    if (size >= BATCH) {
      yield* readBatch();
      yield null;
      // While paused, the page may have removed the node the walk stands on; walking on from it
      // would stay inside the removed part and end there. Start again (the caller already
      // skips blocks it was given), a few times at most, so a page that keeps doing it still ends.
      if (!node.isConnected && restarts < MAX_RESTARTS) {
        restarts++;
        walker.currentNode = root;
        state = 0;
      }
    }
  }
  if (size > 0) yield* readBatch();
}

/** Index of the first of the ascending `ends` above `offset` (binary search). */
function firstEndAfter(ends: number[], offset: number): number {
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
