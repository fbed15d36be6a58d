import type { DrugId, NameKind } from '../data/schema';
import type { Probe } from './probe';

/** One mention of a drug in a string: [start, end) offsets into that string. */
export interface Mention {
  start: number;
  end: number;
  drugId: DrugId;
  /** The dataset name that matched (the canonical spelling, not the page's). */
  name: string;
  kind: NameKind;
}

export interface MatchableName {
  text: string;
  drugId: DrugId;
  kind: NameKind;
  canonical: string;
}

export interface Matcher {
  /**
   * All mentions in `text`, in order, never overlapping; the longest name wins at a position.
   * Given the first-pass probe, the regex runs only where the probe says a name may start.
   */
  find(text: string, probe?: Probe): Mention[];
}

// Characters that can sit inside a word on the web without being seen:
// soft hyphen, zero-width space/non-joiner/joiner, word joiner, BOM.
export const INVISIBLE_CHARS = '\u00AD\u200B\u200C\u200D\u2060\uFEFF';
const unicodeEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
// Written as \u escapes: a class holding the zero-width joiner itself reads as a joined sequence.
export const INVISIBLE = new RegExp(`[${[...INVISIBLE_CHARS].map(unicodeEscape).join('')}]`, 'g');
const HYPHENS = '\\-\\u2010\\u2011\\u2012\\u2013';
/** Chinese and Japanese script: names in it have no word boundaries to match on. */
export const CJK = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u;

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name as a pattern: any run of spaces matches any whitespace, any hyphen matches the hyphen family. */
function namePattern(name: string): string {
  return name
    .trim()
    .split(/(\s+|-)/)
    .map((part) => {
      if (/^\s+$/.test(part)) return '\\s+';
      if (part === '-') return `[${HYPHENS}]`;
      return escapeRegExp(part);
    })
    .join('');
}

/**
 * Compiles the names into one case-insensitive pattern. Latin-script names need
 * a non-letter, non-digit on both sides ("Rinvoq®", "(tofacitinib)" and
 * "baricitinib-treated" match; "deuruxolitinib" and "ruxolitinibs" do not).
 * CJK names have no word boundaries to rely on, so they match anywhere.
 */
export function buildMatcher(names: readonly MatchableName[]): Matcher {
  // Built on first use: most pages never need it (the first pass finds nothing), and building
  // it costs a page load a couple of milliseconds before the regex is even compiled.
  let compiled: { pattern: RegExp; byKey: Map<string, MatchableName> } | null = null;
  return {
    find(text, probe) {
      const mentions: Mention[] = [];
      let from = 0;
      for (;;) {
        // The regex is slow on long text without a name; the probe's automaton skips that text.
        const start = probe ? probe.candidateStart(text, from) : from;
        if (start < 0) break;
        compiled ??= compile(names);
        const { pattern, byKey } = compiled;
        pattern.lastIndex = start;
        const m = pattern.exec(text);
        if (!m) break;
        const name = byKey.get(foldKey(m[0]));
        if (name) {
          mentions.push({ start: m.index, end: m.index + m[0].length, drugId: name.drugId, name: name.canonical, kind: name.kind });
        }
        from = m.index + m[0].length;
      }
      return mentions;
    },
  };
}

function compile(names: readonly MatchableName[]): { pattern: RegExp; byKey: Map<string, MatchableName> } {
  const byKey = new Map<string, MatchableName>();
  for (const name of names) byKey.set(foldKey(name.text), name);
  // Longest first, so that "Rinvoq LQ" wins over "Rinvoq" at the same position.
  const sorted = [...byKey.values()].sort((a, b) => b.text.length - a.text.length);
  const latin = sorted.filter((n) => !CJK.test(n.text)).map((n) => namePattern(n.text));
  const cjk = sorted.filter((n) => CJK.test(n.text)).map((n) => namePattern(n.text));
  const alternatives: string[] = [];
  if (latin.length) alternatives.push(`(?<![\\p{L}\\p{N}\\p{M}_])(?:${latin.join('|')})(?![\\p{L}\\p{N}\\p{M}_])`);
  if (cjk.length) alternatives.push(`(?:${cjk.join('|')})`);
  return { pattern: new RegExp(alternatives.join('|') || '(?!)', 'giu'), byKey };
}

/** The key a name and a page's spelling of it share: case, spacing and hyphen style folded. */
export function foldKey(s: string): string {
  return s
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .replace(/\s+/g, ' ')
    .replace(/[\u2010-\u2013]/g, '-');
}
