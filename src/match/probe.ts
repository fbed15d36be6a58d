import { INVISIBLE, foldKey } from './find-mentions';

// A cheap first pass over a whole page: one case-insensitive regex of short
// fragments, at least one of which every name contains. Pages where it finds
// nothing cannot mention a drug, so they cost one native text read and one
// regex scan. Fragments skip a name's first letter so Title Case does not matter.

const CJK = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u;
// Rough English letter frequencies (per mille): rarer letters make better fragments.
const FREQ: Record<string, number> = {
  e: 127, t: 91, a: 82, o: 75, i: 70, n: 67, s: 63, h: 61, r: 60, d: 43, l: 40, c: 28, u: 28, m: 24, w: 24, f: 22,
  g: 20, y: 20, p: 19, b: 15, v: 10, k: 8, j: 2, x: 2, q: 1, z: 1,
};
const score = (fragment: string) => [...fragment].reduce((sum, ch) => sum + (FREQ[ch] ?? 5), 0) / fragment.length;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

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
 * The first-pass regex. Single-word names are probed by shared fragments,
 * multi-part names whole (with any separator), names in Chinese or Japanese
 * script whole. It also fires on an invisible
 * character (soft hyphen, zero-width), after which mayMention strips those and looks again.
 */
export function buildProbe(names: readonly string[]): RegExp {
  const chosen = chooseFragments(names);
  // A multi-part name already covered by a fragment (tofacitinib citrate) needs no pattern of its own.
  const separated = [...new Set(names.filter((n) => !CJK.test(n) && SEPARATED.test(n)))]
    .filter((n) => !chosen.some((f) => foldKey(n).includes(f)))
    .map(separatedPattern);
  const fragments = chosen.map(escapeRegExp);
  // Chinese and Japanese names are short and their openings are common words (サイバ in サイバー): probe them whole.
  const cjk = [...new Set(names.filter((n) => CJK.test(n)).map(escapeRegExp))];
  return new RegExp([...new Set([...fragments, ...separated, ...cjk, INVISIBLE_CLASS])].join('|'), 'i');
}

/** Removes characters that can hide inside a name. */
export function withoutInvisibles(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** The probe's verdict on a text, looking past invisible characters when it stopped on one. */
export function mayMention(probe: RegExp, text: string): boolean {
  const hit = probe.exec(text);
  if (!hit) return false;
  INVISIBLE.lastIndex = 0;
  if (!INVISIBLE.test(hit[0])) return true;
  const visible = withoutInvisibles(text);
  const again = probe.exec(visible);
  return again !== null;
}
