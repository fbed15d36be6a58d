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
  // No inner function refers to these variables: captured ones would live on the heap, and this
  // loop reads them for every text node of every page.
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let state = 0;
  let parts: string[] = [];
  let size = 0;
  /** The batch's first text node: where to start looking for the node a hit fell in. */
  let first: Text | null = null;
  let restarts = 0;
  for (let node = walker.nextNode(); ; node = walker.nextNode()) {
    if (node) {
      const data = (node as Text).data;
      // isRead, written out: a call per text node is a noticeable part of a fresh page's first pass.
      if (data.length === 0 || (data.length > CHECK_PARENT_ABOVE && NOT_PROSE.has((node.parentNode as Element).localName))) continue;
      if (size === 0) first = node as Text;
      parts.push(data);
      size += data.length;
      if (size < BATCH) continue;
    } else if (size === 0) break;

    // A batch is full, or the text has ended: read it.
    const text = parts.length === 1 ? parts[0]! : parts.join('');
    let finder: HitFinder | null = null;
    let from = 0;
    for (;;) {
      const hit = probe.firstHit(text, from, state);
      if (hit < 0) {
        // The state carries over, so a name cut by the batch boundary is still seen.
        state = -1 - hit;
        break;
      }
      finder ??= new HitFinder(doc, root, first!);
      const found = finder.nodeHolding(hit);
      if (!found) break;
      yield found;
      from = finder.end;
      state = 0;
    }
    parts = [];
    size = 0;
    if (!node) break;
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

/**
 * Finds which of a batch's text nodes holds a place in the batch's joined
 * text, walking its nodes again. Only a batch with a hit pays for that;
 * keeping every node and its offset for every batch cost every page.
 */
class HitFinder {
  private readonly walker: TreeWalker;
  private node: Text;
  /** Where the current node's text ends in the joined batch. */
  end: number;

  constructor(doc: Document, root: Node, first: Text) {
    this.walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    this.walker.currentNode = first;
    this.node = first;
    this.end = first.data.length;
  }

  /** The node holding `offset` (offsets asked in increasing order), or null if the page changed under the pass. */
  nodeHolding(offset: number): Text | null {
    while (this.end <= offset) {
      const next = nextRead(this.walker);
      if (!next) return null;
      this.node = next;
      this.end += next.data.length;
    }
    return this.node;
  }
}

/** Whether the first pass reads this text: not when empty, nor a long text in a script or style. */
function isRead(node: Text, data: string): boolean {
  return data.length !== 0 && !(data.length > CHECK_PARENT_ABOVE && NOT_PROSE.has((node.parentNode as Element).localName));
}

/** The next text node the first pass reads after the walker's current one (null only if the page changed under it). */
function nextRead(walker: TreeWalker): Text | null {
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (isRead(node as Text, (node as Text).data)) return node as Text;
  return null;
}
