import type { NameEntry } from '../data/names';
import type { DrugId, NameKind } from '../data/schema';
import { CJK } from './characters';
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

/** What the matcher needs of a name: a dataset name entry has all of it. */
export type MatchableName = Pick<NameEntry, 'text' | 'drugId' | 'kind' | 'canonical'>;

export interface Matcher {
  /**
   * All mentions in `text`, in order, never overlapping; the longest name wins at a position.
   * Given the first-pass probe, only the places the probe points at are tried.
   */
  find(text: string, probe?: Probe): Mention[];
}


// The rules, as a regex would state them: each name case-insensitively (Unicode
// simple case folding), any run of spaces in a name matching any run of
// whitespace (JavaScript's \s), a hyphen matching the hyphen family, and a
// Latin-script name needing a character other than a letter, digit, mark or
// underscore (\p{L}, \p{N}, \p{M}, _) on both sides. One regex of all the names
// did this; compiling it cost each page load with a mention 2 to 5 ms (its
// Unicode property classes alone about 1 ms), before it had read a character.
// The code below applies the same rules by hand, only where the first-pass
// automaton points; a property test holds it to that regex.

/** A step of a name's pattern: a code unit as folded by `foldCase`, or one of these. */
const SPACES = -1;
const HYPHEN = -2;

interface CompiledName {
  entry: MatchableName;
  steps: Int32Array;
  /** Latin-script names must stand as a whole word; CJK names have no word boundaries. */
  bounded: boolean;
}

/**
 * Unicode simple case folding, for the code units names are written in: the
 * names are ASCII or caseless (a unit test checks the dataset), and besides
 * A-Z only the Kelvin sign and long s fold onto an ASCII letter.
 */
export function foldCase(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  if (c === 0x212a) return 0x6b;
  if (c === 0x17f) return 0x73;
  return c;
}

/** JavaScript's \s. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** The hyphen family a name's hyphen matches: hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash. */
function isHyphen(c: number): boolean {
  return c === 0x2d || (c >= 0x2010 && c <= 0x2013);
}

/** Built on first use of a code point outside the ranges below: its property tables cost about a millisecond. */
let wordClass: RegExp | null = null;

/** True for a letter, digit, mark or underscore (\p{L}, \p{N}, \p{M}, _): what may not touch a Latin-script name. */
export function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39) || cp === 0x5f;
  // Latin-1: ª ² ³ µ ¹ º ¼ ½ ¾ and the accented letters, but not × or ÷.
  if (cp < 0x100) return cp >= 0xc0 ? cp !== 0xd7 && cp !== 0xf7 : cp === 0xaa || cp === 0xb2 || cp === 0xb3 || cp === 0xb5 || cp === 0xb9 || cp === 0xba || (cp >= 0xbc && cp <= 0xbe);
  // General Punctuation (dashes, quotes, spaces) and the trade mark sign hold none.
  if ((cp >= 0x2000 && cp <= 0x206f) || cp === 0x2122) return false;
  wordClass ??= /[\p{L}\p{N}\p{M}_]/u;
  return wordClass.test(String.fromCodePoint(cp));
}

/** The code point that ends just before `i` (a surrogate pair read as one). */
function codePointBefore(text: string, i: number): number {
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
  }
  return c;
}

/** Where the name's steps match `text` from `at`: the end of the match, or -1. */
function matchSteps(steps: Int32Array, text: string, at: number): number {
  const length = text.length;
  let i = at;
  for (let k = 0; k < steps.length; k++) {
    if (i >= length) return -1;
    const step = steps[k]!;
    const c = text.charCodeAt(i);
    if (step === SPACES) {
      if (!isSpace(c)) return -1;
      i++;
      while (i < length && isSpace(text.charCodeAt(i))) i++;
    } else if (step === HYPHEN) {
      if (!isHyphen(c)) return -1;
      i++;
    } else {
      if (foldCase(c) !== step) return -1;
      i++;
    }
  }
  return i;
}

function compile(names: readonly MatchableName[]): Map<number, CompiledName[]> {
  // Names with the same pattern are one alternative: the later one's entry is reported, at the earlier one's place.
  const byPattern = new Map<string, { entry: MatchableName; steps: number[] }>();
  for (const entry of names) {
    const text = entry.text.trim();
    const steps: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        if (steps[steps.length - 1] !== SPACES) steps.push(SPACES);
      } else if (c === 0x2d) {
        steps.push(HYPHEN);
      } else {
        steps.push(foldCase(c));
      }
    }
    if (steps.length === 0) continue;
    if (steps[0]! < 0) throw new Error(`The name "${entry.text}" must begin with a letter or digit`);
    const key = steps.join(',');
    byPattern.set(key, { entry, steps });
  }
  // Longest first, so that "Rinvoq LQ" wins over "Rinvoq" at the same position.
  const sorted = [...byPattern.values()].sort((a, b) => b.entry.text.length - a.entry.text.length);
  const byFirst = new Map<number, CompiledName[]>();
  for (const { entry, steps } of sorted) {
    const name: CompiledName = { entry, steps: Int32Array.from(steps), bounded: !isAscii(entry.text) ? !CJK.test(entry.text) : true };
    const list = byFirst.get(steps[0]!);
    if (list) list.push(name);
    else byFirst.set(steps[0]!, [name]);
  }
  return byFirst;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** The name that matches `text` at `at`, and where it ends; null when none does. */
function matchAt(byFirst: Map<number, CompiledName[]>, text: string, at: number): { name: CompiledName; end: number } | null {
  const names = byFirst.get(foldCase(text.charCodeAt(at)));
  if (!names) return null;
  for (const name of names) {
    const end = matchSteps(name.steps, text, at);
    if (end < 0) continue;
    if (name.bounded) {
      if (at > 0 && isWordCodePoint(codePointBefore(text, at))) continue;
      if (end < text.length && isWordCodePoint(text.codePointAt(end)!)) continue;
    }
    return { name, end };
  }
  return null;
}

/**
 * Finds the names in text. Latin-script names need a non-letter, non-digit on
 * both sides ("Rinvoq®", "(tofacitinib)" and "baricitinib-treated" match;
 * "deuruxolitinib" and "ruxolitinibs" do not). CJK names have no word
 * boundaries to rely on, so they match anywhere.
 */
export function buildMatcher(names: readonly MatchableName[]): Matcher {
  // Built on first use: most pages never need it (the first pass finds nothing).
  let compiled: Map<number, CompiledName[]> | null = null;
  return {
    find(text, probe) {
      const mentions: Mention[] = [];
      let from = 0;
      while (from < text.length) {
        // Without the probe, every start is tried (the tests compare the two).
        const candidate = probe ? probe.candidate(text, from) : { start: from, last: text.length - 1 };
        if (!candidate) break;
        compiled ??= compile(names);
        let found: { name: CompiledName; end: number } | null = null;
        let at = candidate.start;
        for (; at <= candidate.last; at++) {
          found = matchAt(compiled, text, at);
          if (found) break;
        }
        if (!found) {
          from = candidate.last + 1;
          continue;
        }
        const { entry } = found.name;
        mentions.push({ start: at, end: found.end, drugId: entry.drugId, name: entry.canonical, kind: entry.kind });
        from = found.end;
      }
      return mentions;
    },
  };
}
