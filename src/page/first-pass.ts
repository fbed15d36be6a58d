import { HIT, type Probe } from '../match/probe';

// The first pass over a page: can it mention a drug at all? Most pages cannot,
// and for them this is the content script's whole cost, so it does as little
// as possible: one walk over the text nodes and one read of their characters.

/** Text in these never reaches the reader; scripts can be most of a page's characters. */
const NOT_PROSE = new Set(['script', 'style', 'noscript', 'template']);
/**
 * Only text nodes longer than this are checked for sitting in a script or style.
 * The check costs more than reading a short text; a short script that happens
 * to hold a name only sends the page to the full walk, which skips scripts.
 */
const CHECK_PARENT_ABOVE = 256;
/**
 * Text is read in batches of about this many characters, joined into one
 * string first: Chromium hands each node's text over as an external string,
 * which JavaScript reads character by character about four times slower than
 * one string it has built itself.
 */
const BATCH = 16384;

/** False only when nothing under `root` can contain a mention. */
export function mayMentionAnywhere(root: Node, probe: Probe): boolean {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let state = 0;
  let parts: string[] = [];
  let size = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (data.length > CHECK_PARENT_ABOVE && NOT_PROSE.has((node.parentNode as Element).localName)) continue;
    parts.push(data);
    size += data.length;
    if (size >= BATCH) {
      // The automaton's state carries over, so a name cut by the batch boundary is still seen.
      state = probe.feed(parts.join(''), state);
      if (state === HIT) return true;
      parts = [];
      size = 0;
    }
  }
  return size > 0 && probe.feed(parts.join(''), state) === HIT;
}
