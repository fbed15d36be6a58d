import { foldKey } from './find-mentions';

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

/** Fragments of 3 to 5 letters or digits, not at the very start of the name. */
function candidates(name: string): string[] {
  const out: string[] = [];
  // Split on separators so fragments never straddle a hyphen, space or comma that a page may spell differently.
  const words = foldKey(name).split(/[^\p{L}\p{N}]+/u);
  words.forEach((word, w) => {
    const from = w === 0 ? 1 : 0;
    for (let len = 5; len >= 3; len--) {
      for (let i = from; i + len <= word.length; i++) out.push(word.slice(i, i + len));
    }
  });
  return out;
}

/**
 * Picks a small set of fragments covering every name: greedy set cover that
 * prefers fragments shared by many names ("tinib"), long, and made of rare letters.
 */
export function chooseFragments(names: readonly string[]): string[] {
  const latin = [...new Set(names.filter((n) => !CJK.test(n)))];
  const options = new Map(latin.map((n) => [n, new Set(candidates(n))]));
  const uncovered = new Set(latin.filter((n) => options.get(n)!.size > 0));
  const chosen = latin.filter((n) => options.get(n)!.size === 0).map((n) => foldKey(n));
  const pool = new Set([...options.values()].flatMap((set) => [...set]));
  while (uncovered.size > 0) {
    let best = '';
    let bestValue = -1;
    for (const fragment of pool) {
      let covers = 0;
      for (const name of uncovered) if (options.get(name)!.has(fragment)) covers++;
      if (!covers) continue;
      const value = (covers * (fragment.length >= 4 ? fragment.length : 1)) / score(fragment);
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

/**
 * The first-pass regex. It also fires on invisible characters that may sit
 * inside a name (soft hyphen, zero-width characters) and on the first
 * character of each name written in Chinese or Japanese script.
 */
export function buildProbe(names: readonly string[]): RegExp {
  const fragments = chooseFragments(names).map(escapeRegExp);
  const cjkStarts = [...new Set(names.filter((n) => CJK.test(n)).map((n) => n[0]!))].join('');
  const chars = `\\u00AD\\u200B-\\u200D\\u2060\\uFEFF${cjkStarts}`;
  return new RegExp(`${fragments.join('|')}|[${chars}]`, 'i');
}
