import { INVISIBLE_CHARS } from './characters';

// The first pass's question, "can this text contain a name?", asked of every
// character of every page, so it must cost about as little as reading them.
// A regex of many case-insensitive alternatives costs several nanoseconds a
// character; a table-driven automaton (Aho-Corasick over the names) costs two
// table reads, and its state carries from one piece of text to the next, so a
// name split by <b> or <a> is seen however the text is cut up.
//
// It answers "maybe" for every text the matcher would find a name in (the
// unit tests check this property), and for a few more: it ignores word
// boundaries, lets any code name's separator stand for any run of separators,
// and is not told where blocks end. The matcher settles those.

/**
 * Characters a name's parts may be separated by: what the matcher allows
 * there (JavaScript's \s, a comma, the hyphen family), listed rather than
 * found by testing each code unit, which would cost the page a millisecond.
 */
const SEPARATORS =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000' +
  ',\u2010\u2011\u2012\u2013-';
/**
 * Hyphens that break a word at the end of a typeset line ("upadaci-" / "tinib"; the page's text
 * model joins the halves, src/page/line-breaks.ts): the automaton steps over them inside any name.
 */
const LINE_HYPHENS = '-\u2010\u2011';
/** Other characters Unicode case folding (and so the matcher) folds onto Latin letters: Kelvin sign, long s. */
const FOLDS_TO = [
  ['\u212A', 'k'],
  ['\u017F', 's'],
] as const;
/** Temporary classes while the names are read. */
const MARK_SEP = 0xfe;
const MARK_SKIP = 0xff;

export class Probe {
  /** Symbol class of each UTF-16 code unit: 0 other, 1..n a name's character, then separator, then invisible. */
  private readonly classOf = new Uint8Array(0x10000);
  /** Transition table, states × classes, each state stored as the offset of its row; HIT_STATE where a name ends. */
  private readonly delta: Uint16Array;

  constructor(names: readonly string[]) {
    // This runs cold on every page load, so it sticks to code-unit loops and flat arrays.
    const classOf = this.classOf;
    // Separators and invisibles are marked first; their class numbers are settled once the names' count is known.
    for (let i = 0; i < SEPARATORS.length; i++) classOf[SEPARATORS.charCodeAt(i)] = MARK_SEP;
    for (let i = 0; i < INVISIBLE_CHARS.length; i++) classOf[INVISIBLE_CHARS.charCodeAt(i)] = MARK_SKIP;

    // The trie of the names, lower-cased (both cases share a class): first child, next sibling, class of each node.
    let capacity = 1;
    for (const name of names) capacity += name.length;
    const firstChild = new Int32Array(capacity);
    const nextSibling = new Int32Array(capacity);
    const label = new Uint8Array(capacity);
    const gap = new Uint8Array(capacity);
    const end = new Uint8Array(capacity);
    let nodes = 1;
    let symbols = 0;
    for (const name of names) {
      const lower = name.toLowerCase();
      let node = 0;
      for (let i = 0; i < lower.length; i++) {
        const code = lower.charCodeAt(i);
        let cls = classOf[code]!;
        if (cls === MARK_SKIP) continue;
        if (cls === MARK_SEP) {
          if (node !== 0) gap[node] = 1;
          continue;
        }
        if (cls === 0) {
          cls = classOf[code] = ++symbols;
          const upper = String.fromCharCode(code).toUpperCase();
          if (upper.length === 1) classOf[upper.charCodeAt(0)] = cls;
        }
        let child = firstChild[node]!;
        while (child !== 0 && label[child] !== cls) child = nextSibling[child]!;
        if (child === 0) {
          child = nodes++;
          label[child] = cls;
          nextSibling[child] = firstChild[node]!;
          firstChild[node] = child;
        }
        node = child;
      }
      if (node !== 0) end[node] = 1;
    }
    for (const [from, to] of FOLDS_TO) if (classOf[to.charCodeAt(0)]) classOf[from.charCodeAt(0)] = classOf[to.charCodeAt(0)]!;
    const SEP = symbols + 1;
    const SKIP = symbols + 2;
    const HYPHEN = symbols + 3;
    const C = symbols + 4;
    if (C >= MARK_SEP) throw new Error('Too many characters in names for the first-pass automaton');
    for (let i = 0; i < SEPARATORS.length; i++) classOf[SEPARATORS.charCodeAt(i)] = SEP;
    for (let i = 0; i < LINE_HYPHENS.length; i++) classOf[LINE_HYPHENS.charCodeAt(i)] = HYPHEN;
    for (let i = 0; i < INVISIBLE_CHARS.length; i++) classOf[INVISIBLE_CHARS.charCodeAt(i)] = SKIP;

    // Aho-Corasick as a full table. A state's row starts as a copy of its failure state's row
    // (built earlier, breadth first), then its own edges overwrite that. States are stored
    // premultiplied by the row length, so a step is one add and one read.
    // A step that completes a name goes to HIT_STATE; what lies past it is never needed.
    if (nodes * C >= HIT_STATE) throw new Error('Too many names for the first-pass automaton');
    const delta = (this.delta = new Uint16Array(nodes * C));
    const fail = new Uint16Array(nodes);
    const queue = [0];
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q]!;
      const row = u * C;
      if (u !== 0) delta.copyWithin(row, fail[u]! * C, fail[u]! * C + C);
      for (let v = firstChild[u]!; v !== 0; v = nextSibling[v]!) {
        const c = label[v]!;
        const inherited = u === 0 ? 0 : delta[fail[u]! * C + c]!;
        if (end[v] || inherited === HIT_STATE) {
          delta[row + c] = HIT_STATE;
          continue;
        }
        fail[v] = inherited / C;
        delta[row + c] = v * C;
        queue.push(v);
      }
      if (gap[u]) delta[row + SEP] = row;
      if (u !== 0) delta[row + HYPHEN] = row;
      delta[row + SKIP] = row;
    }
  }

  /**
   * Reads `text` from `from` on, starting in `state` (0 at the start of a
   * page), up to the first place a name may end. Returns that index, or, when
   * there is none, -1 - the state to carry into the next text (so any
   * negative number means "none"). This loop runs over every character of
   * every page, mostly before the JIT has compiled it, so it does nothing
   * else: tracking where a name could start here too cost the first pass
   * about an eighth more on a fresh page.
   */
  firstHit(text: string, from: number, state: number): number {
    const { classOf, delta } = this;
    const n = text.length;
    let s = state;
    for (let i = from; i < n; i++) {
      s = delta[s + classOf[text.charCodeAt(i)]!]!;
      // HIT_STATE, written out: in the interpreter a literal is one step less than a module constant.
      if (s === 0xffff) return i;
    }
    return -1 - s;
  }

  /**
   * The first stretch of `text`, at or after `from`, that may hold a name:
   * `last` is where the automaton found a name may end, `start` the last
   * place before it where the automaton was back at its start state. The
   * automaton leaves that state only while the text read since is the
   * beginning of some name, so no name starts between `from` and `start`.
   * The matcher tries the starts from `start` to `last`, then looks for later
   * names from `last + 1`. Null when no name can be there.
   */
  candidate(text: string, from: number): { start: number; last: number } | null {
    const { classOf, delta } = this;
    let s = 0;
    let start = from;
    for (let i = from; i < text.length; i++) {
      s = delta[s + classOf[text.charCodeAt(i)]!]!;
      if (s === HIT_STATE) return { start, last: i };
      if (s === 0) start = i + 1;
    }
    return null;
  }
}

/** A state no trie reaches: the tables hold 16-bit states. */
const HIT_STATE = 0xffff;
