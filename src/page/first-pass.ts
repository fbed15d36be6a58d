import { mayMention } from '../match/probe';

// The first pass over a page: can it mention a drug at all? Most pages cannot,
// and for them this is the content script's whole cost, so it does as little
// as possible: one pass over the text nodes, the probe on each, and nothing else.

/** Text in these never reaches the reader; scripts can be most of a page's characters. */
const NOT_PROSE = new Set(['script', 'style', 'noscript', 'template']);
/** A name split across nodes is rebuilt from at most this many characters on each side (longer than any name). */
const MAX_CARRY = 40;

/** Separators inside multi-part names: space, no-break space, comma, full stop. */
const SEPARATOR = new Set([32, 160, 44, 46]);
/** After a separator only the first part of a code can be pending (ABT-, INCB, CP-690,). */
const SHORT_CARRY = 9;

/** Letters, digits and anything outside ASCII (CJK, accented letters, soft hyphens) continue a word. */
function continuesWord(code: number): boolean {
  return code > 127 || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45;
}

/**
 * False only when nothing under `root` can contain a mention. Each text node is
 * probed on its own; words that run across nodes (a name split by <b> or <a>)
 * are rebuilt from the pieces at the seams and probed together at the end.
 */
export function mayMentionAnywhere(root: Node, probe: RegExp): boolean {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let carry = '';
  let seams = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (NOT_PROSE.has((node.parentNode as Element).localName)) {
      carry = '';
      continue;
    }
    const data = (node as Text).data;
    if (data.length === 0) continue;
    if (data.length > 2 && mayMention(probe, data)) return true;
    // A seam: the previous node ended inside a word, or just after the first part of a
    // multi-part name (ABT- , INCB ), and this node may go on with it.
    const joins = carry !== '' && (continuesWord(data.charCodeAt(0)) || carry.length <= SHORT_CARRY);
    if (carry !== '') seams += `${carry}${data.slice(0, MAX_CARRY)}\n`;
    const last = data.charCodeAt(data.length - 1);
    if (continuesWord(last)) carry = (joins ? carry + data : data).slice(-MAX_CARRY);
    else if (SEPARATOR.has(last) && data.length > 1 && continuesWord(data.charCodeAt(data.length - 2))) carry = data.slice(-SHORT_CARRY);
    else carry = '';
  }
  return seams !== '' && mayMention(probe, seams);
}
