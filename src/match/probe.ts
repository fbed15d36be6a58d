import { CJK, INVISIBLE, escapeRegExp, foldKey } from './find-mentions';

// A cheap first pass over a whole page: one case-insensitive regex of short
// fragments, at least one of which every name contains. Pages where it finds
// nothing cannot mention a drug, so they cost one native text read and one
// regex scan. Fragments skip a name's first letter so Title Case does not matter.

// Rough English letter frequencies (per mille): rarer letters make better fragments.
const FREQ: Record<string, number> = {
  e: 127, t: 91, a: 82, o: 75, i: 70, n: 67, s: 63, h: 61, r: 60, d: 43, l: 40, c: 28, u: 28, m: 24, w: 24, f: 22,
  g: 20, y: 20, p: 19, b: 15, v: 10, k: 8, j: 2, x: 2, q: 1, z: 1,
};
const score = (fragment: string) => [...fragment].reduce((sum, ch) => sum + (FREQ[ch] ?? 5), 0) / fragment.length;

/**
 * Fragments of 5 letters or digits (shorter only when the name is shorter).
 * Longer fragments fire less on ordinary text and let the regex engine skip
 * ahead faster. The probe ignores case, so a fragment may start the name.
 */
function candidates(name: string): string[] {
  const word = foldKey(name);
  const len = Math.min(5, word.length);
  const out: string[] = [];
  for (let i = 0; i + len <= word.length; i++) out.push(word.slice(i, i + len));
  return out;
}

/**
 * How much to trust a fragment to stay quiet on ordinary pages. A name's first
 * letters often begin common words (Corectim/scorecard, Olumiant/voluminous),
 * and digits alone turn up in every page's numbers and IDs.
 */
function quietness(fragment: string, names: readonly string[]): number {
  let q = 1;
  if (names.some((n) => foldKey(n).startsWith(fragment))) q *= 0.3;
  if (/^\d+$/.test(fragment)) q *= 0.2;
  return q;
}

const SEPARATED = /[^\p{L}\p{N}]/u;

/**
 * Picks a small set of fragments covering every single-word name: greedy set
 * cover that prefers fragments shared by many names ("tinib") and made of rare letters.
 */
export function chooseFragments(names: readonly string[]): string[] {
  const words = [...new Set(names.filter((n) => !CJK.test(n) && !SEPARATED.test(n)))];
  const options = new Map(words.map((n) => [n, new Set(candidates(n))]));
  const uncovered = new Set(words);
  const chosen: string[] = [];
  const pool = new Set([...options.values()].flatMap((set) => [...set]));
  while (uncovered.size > 0) {
    let best = '';
    let bestValue = -1;
    for (const fragment of pool) {
      let covers = 0;
      for (const name of uncovered) if (options.get(name)!.has(fragment)) covers++;
      if (!covers) continue;
      const value = (covers * fragment.length * quietness(fragment, words)) / score(fragment);
      if (value > bestValue || (value === bestValue && fragment < best)) {
        best = fragment;
        bestValue = value;
      }
    }
    chosen.push(best);
    for (const name of [...uncovered]) if (options.get(name)!.has(best)) uncovered.delete(name);
  }
  return chosen.sort();
}

/** A multi-part name (ABT-494, INCB 18424, CP-690,550) as a pattern allowing any short separator. */
function separatedPattern(name: string): string {
  return foldKey(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(escapeRegExp)
    .join('[\\s,.\\-\\u2010-\\u2013]{0,3}');
}

const INVISIBLE_CLASS = INVISIBLE.source;

/**
 * The full first-pass regex. Single-word names are probed by shared fragments,
 * multi-part names whole (with any separator), names in Chinese or Japanese
 * script whole. It also fires on an invisible character (soft hyphen,
 * zero-width), after which the probe strips those and looks again.
 */
function fullPattern(names: readonly string[]): { latin: string[]; cjk: string[] } {
  const chosen = chooseFragments(names);
  // A multi-part name already covered by a fragment (tofacitinib citrate) needs no pattern of its own.
  const separated = [...new Set(names.filter((n) => !CJK.test(n) && SEPARATED.test(n)))]
    .filter((n) => !chosen.some((f) => foldKey(n).includes(f)))
    .map(separatedPattern);
  // Chinese and Japanese names are short and their openings are common words (サイバ in サイバー): probe them whole.
  const cjk = [...new Set(names.filter((n) => CJK.test(n)).map(escapeRegExp))];
  return { latin: [...new Set([...chosen.map(escapeRegExp), ...separated])], cjk };
}

/** Removes characters that can hide inside a name. */
export function withoutInvisibles(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * The first pass's question, "can this text contain a name?", answered in
 * two steps because a regex slows down with every alternative it holds: one
 * regex for the Latin-script fragments, and one character class that fires
 * only on text holding an invisible character or the first character of a
 * Chinese or Japanese name. Most pages need only the first and a pass of the
 * cheap class; the full regex runs only when the class fires.
 */
export class Probe {
  private readonly latin: RegExp;
  private readonly rare: RegExp;
  private readonly full: RegExp;

  constructor(names: readonly string[]) {
    const { latin, cjk } = fullPattern(names);
    // With no Latin-script names chosen, a pattern that never matches (an empty one would match everything).
    this.latin = latin.length ? new RegExp(latin.join('|'), 'i') : /(?!)/;
    const firsts = [...new Set(names.filter((n) => CJK.test(n)).map((n) => escapeRegExp([...n][0]!)))];
    this.rare = new RegExp(`[${firsts.join('')}${INVISIBLE_CLASS.slice(1, -1)}]`, 'u');
    this.full = new RegExp([...latin, ...cjk, INVISIBLE_CLASS].join('|'), 'i');
  }

  /** False only when `text` cannot contain a name. */
  mayMention(text: string): boolean {
    if (this.latin.test(text)) return true;
    if (!this.rare.test(text)) return false;
    const hit = this.full.exec(text);
    if (!hit) return false;
    INVISIBLE.lastIndex = 0;
    if (!INVISIBLE.test(hit[0])) return true;
    return this.full.test(withoutInvisibles(text));
  }
}

export function buildProbe(names: readonly string[]): Probe {
  return new Probe(names);
}
