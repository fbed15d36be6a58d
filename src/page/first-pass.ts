import type { Probe } from '../match/probe';

// The first pass over a page: can it mention a drug at all? Most pages cannot,
// and for them this is the content script's whole cost, so it does as little
// as possible: one pass over the prose text nodes, one probe per batch of text.

/** Text in these never reaches the reader; scripts can be most of a page's characters. */
const NOT_PROSE = new Set(['script', 'style', 'noscript', 'template']);
/** Longer than any name: how much of one batch is carried into the next. */
const MAX_CARRY = 40;

/**
 * Text is probed in batches of about this many characters: few regex calls, names split across
 * nodes come back together, and a page with a mention stops early instead of joining all its text.
 */
const BATCH = 16384;

/**
 * False only when nothing under `root` can contain a mention. The prose text
 * nodes are joined in batches and each batch is probed once; joining puts a name
 * split by <b> or <a> back together, and each batch starts with the end of the
 * previous one so a name split across batches is not lost.
 */
export function mayMentionAnywhere(root: Node, probe: Probe): boolean {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let parts: string[] = [];
  let size = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (NOT_PROSE.has((node.parentNode as Element).localName)) continue;
    const data = (node as Text).data;
    parts.push(data);
    size += data.length;
    if (size >= BATCH) {
      const batch = parts.join('');
      if (probe.mayMention(batch)) return true;
      const overlap = batch.slice(-MAX_CARRY);
      parts = [overlap];
      size = overlap.length;
    }
  }
  return size > 0 && probe.mayMention(parts.join(''));
}
