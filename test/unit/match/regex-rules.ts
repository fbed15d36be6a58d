// The matching rules written as one regex, the way the matcher once did it:
// the reference the hand-written matcher is tested against. Test code only;
// the extension never compiles this.
import { CJK } from '@/src/match/characters';
import type { MatchableName, Mention } from '@/src/match/find-mentions';

const HYPHENS = '\\-\\u2010\\u2011\\u2012\\u2013';
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A name as a pattern: any run of spaces matches any whitespace, a hyphen matches the hyphen family. */
function namePattern(name: string): string {
  return name
    .trim()
    .split(/(\s+|-)/)
    .map((part) => (/^\s+$/.test(part) ? '\\s+' : part === '-' ? `[${HYPHENS}]` : escapeRegExp(part)))
    .join('');
}

/** The same pattern for the same name, whatever its spelling in the list. */
function patternKey(name: string): string {
  return namePattern(name).toLowerCase();
}

export function regexFind(names: readonly MatchableName[], text: string): Mention[] {
  const byKey = new Map<string, MatchableName>();
  for (const name of names) byKey.set(patternKey(name.text), name);
  const sorted = [...byKey.values()].sort((a, b) => b.text.length - a.text.length);
  const latin = sorted.filter((n) => !CJK.test(n.text));
  const cjk = sorted.filter((n) => CJK.test(n.text));
  // One capture group per name says which name matched.
  const groups = [...latin, ...cjk];
  const alt = (list: MatchableName[]) => list.map((n) => `(${namePattern(n.text)})`).join('|');
  const parts: string[] = [];
  if (latin.length) parts.push(`(?<![\\p{L}\\p{N}\\p{M}_])(?:${alt(latin)})(?![\\p{L}\\p{N}\\p{M}_])`);
  if (cjk.length) parts.push(`(?:${alt(cjk)})`);
  const pattern = new RegExp(parts.join('|'), 'giu');
  const out: Mention[] = [];
  for (const m of text.matchAll(pattern)) {
    const name = groups[m.slice(1).findIndex((g) => g !== undefined)]!;
    out.push({ start: m.index, end: m.index + m[0].length, drugId: name.drugId, name: name.canonical, kind: name.kind });
  }
  return out;
}
