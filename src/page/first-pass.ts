import type { Probe } from '../match/probe';

// The first pass over a page: can it mention a drug at all? Most pages cannot,
// and for them this is the content script's whole cost, so it does as little
// as possible: one pass over the prose text nodes and one probe of their joined text.

/** Text in these never reaches the reader; scripts can be most of a page's characters. */
const NOT_PROSE = new Set(['script', 'style', 'noscript', 'template']);
/**
 * False only when nothing under `root` can contain a mention. The prose text
 * nodes are joined into one string and probed once: joining puts a name split
 * by <b> or <a> back together, and one long regex run is several times cheaper
 * than many short ones.
 */
export function mayMentionAnywhere(root: Node, probe: Probe): boolean {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (NOT_PROSE.has((node.parentNode as Element).localName)) continue;
    parts.push((node as Text).data);
  }
  return parts.length > 0 && probe.mayMention(parts.join(''));
}
