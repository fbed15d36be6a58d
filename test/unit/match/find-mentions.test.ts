import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMatcher, foldCase, isSpace, isWordCodePoint } from '@/src/match/find-mentions';
import { Probe } from '@/src/match/probe';
import { matchableNames } from '@/src/data/names';
import { regexFind } from './regex-rules';

const names = matchableNames();
const matcher = buildMatcher(names);
const probe = new Probe(names.map((n) => n.text));
/** False only when the first pass rules out a name anywhere in text. */
const mayMention = (p: Probe, text: string) => p.firstHit(text, 0, 0) >= 0;
const found = (text: string) => matcher.find(text).map((m) => [text.slice(m.start, m.end), m.drugId]);

describe('finding mentions', () => {
  it.each([
    ['Rinvoq® was started', 'Rinvoq', 'upadacitinib'],
    ['treated with (tofacitinib).', 'tofacitinib', 'tofacitinib'],
    ['baricitinib-treated patients', 'baricitinib', 'baricitinib'],
    ['Xeljanz™ 5 mg', 'Xeljanz', 'tofacitinib'],
    ['[abrocitinib]', 'abrocitinib', 'abrocitinib'],
    ['UPADACITINIB 15 MG', 'UPADACITINIB', 'upadacitinib'],
    ['Opzelura/Jakafi', 'Opzelura', 'ruxolitinib'],
    ['end of line: delgocitinib\nnext', 'delgocitinib', 'delgocitinib'],
    ['el baricitinib oral', 'baricitinib', 'baricitinib'],
    ['Corectim ointment', 'Corectim', 'delgocitinib'],
    ['Anzupgo cream', 'Anzupgo', 'delgocitinib'],
    ['formerly PF-04965842', 'PF-04965842', 'abrocitinib'],
    ['ABT-494 in RA', 'ABT-494', 'upadacitinib'],
    ['LY3009104', 'LY3009104', 'baricitinib'],
    ['INCB028050 and INCB28050', 'INCB028050', 'baricitinib'],
    ['study INCB 18424-271', 'INCB 18424', 'ruxolitinib'],
    ['JTE-052 ointment', 'JTE-052', 'delgocitinib'],
    ['サイバインコ錠', 'サイバインコ', 'abrocitinib'],
    ['托法替布片', '托法替布', 'tofacitinib'],
  ])('finds the name in %j', (text, name, drug) => {
    expect(found(text)[0]).toEqual([name, drug]);
  });

  it('matches code names in the spellings the dataset lists', () => {
    expect(found('CP-690,550 / CP-690550 / CP-690, 550').map(([t]) => t)).toEqual(['CP-690,550', 'CP-690550', 'CP-690, 550']);
  });

  it('accepts typographic hyphens and line-wrapping spaces inside a code', () => {
    expect(found('PF\u201104965842')).toEqual([['PF\u201104965842', 'abrocitinib']]);
    expect(found('INCB\u00a018424')).toEqual([['INCB\u00a018424', 'ruxolitinib']]);
  });

  it.each([['deuruxolitinib'], ['ruxolitinibs'], ['abrocitinibum'], ['xrinvoq'], ['upadacitinib2'], ['_tofacitinib']])(
    'does not match inside another word: %s',
    (text) => {
      expect(found(text)).toEqual([]);
    },
  );

  it('prefers the longest name at a position', () => {
    expect(found('tofacitinib citrate tablets')).toEqual([['tofacitinib citrate', 'tofacitinib']]);
    expect(found('Rinvoq LQ solution')).toEqual([['Rinvoq LQ', 'upadacitinib']]);
    expect(found('ルキソリチニブリン酸塩')).toEqual([['ルキソリチニブリン酸塩', 'ruxolitinib']]);
  });

  it('finds every mention in order and reports the canonical name', () => {
    const mentions = matcher.find('Cibinqo (abrocitinib) vs Olumiant (baricitinib)');
    expect(mentions.map((m) => [m.name, m.kind])).toEqual([
      ['Cibinqo', 'brand'],
      ['abrocitinib', 'inn'],
      ['Olumiant', 'brand'],
      ['baricitinib', 'inn'],
    ]);
  });

  it('never marks a name the dataset lists as too ambiguous', () => {
    expect(found('王尚杰')).toEqual([]);
  });
});

describe('the matcher keeps the rules a regex states', () => {
  // Every character class the matcher checks by hand, against the regex class it stands for, for every code point.
  it('reads letters, digits, marks and underscore as \\p{L}, \\p{N}, \\p{M} and _ do', () => {
    const word = /[\p{L}\p{N}\p{M}_]/u;
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (isWordCodePoint(cp) !== word.test(String.fromCodePoint(cp))) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('reads whitespace as \\s does', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c.toString(16));
    expect(wrong).toEqual([]);
  });

  it('has names written only in ASCII or in letters without case, which is all its case folding covers', () => {
    const cased = names.flatMap((n) => [...n.text].filter((ch) => ch.charCodeAt(0) >= 0x80 && ch.toLowerCase() !== ch.toUpperCase()));
    expect(cased).toEqual([]);
  });

  it('folds case as a case-insensitive Unicode regex does, for every character a name is written in', () => {
    const units = [...new Set(names.flatMap((n) => [...n.text.toLowerCase()].map((ch) => ch.charCodeAt(0))))].filter((c) => !isSpace(c) && c !== 0x2d);
    const wrong: string[] = [];
    for (const unit of units) {
      const same = new RegExp(`^\\u{${unit.toString(16)}}$`, 'iu');
      for (let c = 0; c <= 0xffff; c++) {
        if ((foldCase(c) === unit) !== same.test(String.fromCharCode(c))) wrong.push(`${c.toString(16)}~${unit.toString(16)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('tries a name that starts on the last character of a candidate that came to nothing', () => {
    // Made-up names: "zx-." looks like "x-." to the first pass, which fails its word boundary,
    // while ".net" starts on that same full stop.
    const made = ['x-.', '.net'].map((text) => ({ text, drugId: 'tofacitinib' as const, kind: 'code' as const, canonical: text }));
    const madeMatcher = buildMatcher(made);
    const madeProbe = new Probe(made.map((n) => n.text));
    expect(regexFind(made, 'zx-.net').map((m) => m.name)).toEqual(['.net']);
    expect(madeMatcher.find('zx-.net', madeProbe)).toEqual(regexFind(made, 'zx-.net'));
  });

  it('finds what the regex finds, name for name (property)', () => {
    const spelled = fc
      .tuple(fc.constantFrom(...names.map((n) => n.text)), fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), fc.boolean())
      .map(([t, upper, exotic]) => {
        const cased = [...t].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch.toLowerCase())).join('');
        // The Kelvin sign and long s fold onto k and s.
        return exotic ? cased.replace(/k/gi, '\u212A').replace(/s/gi, '\u017F') : cased;
      });
    const touching = fc.constantFrom('', ' ', '-', '\u2011', '_', '®', '™', '\u00A0', 'é', '\u0301', '2', '𝐀', '😀', '\uD835', '(', '\u2028', ',', 'ı', 'İ', '中', 'ー');
    const piece = fc.oneof(
      spelled,
      fc.constantFrom('deuruxolitinib', 'ruxolitinibs', 'INCB  18424', 'INCB\t\n18424', 'CP\u2013690, \u3000550', 'CP-690 550', 'RINVOQ LQ', 'xRinvoq', 'Rinvoq\u00A0LQ'),
      fc.string({ maxLength: 6 }),
      fc.string({ maxLength: 4, unit: 'grapheme' }),
      touching,
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const text = pieces.join('');
        expect(matcher.find(text)).toEqual(regexFind(names, text));
        expect(matcher.find(text, probe)).toEqual(regexFind(names, text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the first-pass probe', () => {
  it('fires for every spelling of every name, in any case', () => {
    const missed = names
      .flatMap((n) => [n.text, n.text.toUpperCase(), n.text.toLowerCase(), n.text[0]!.toUpperCase() + n.text.slice(1)])
      .filter((t) => !mayMention(probe, `see ${t} here`));
    expect(missed).toEqual([]);
  });

  it('fires on names split by invisible characters once those are removed', () => {
    expect(mayMention(probe, 'Xel\u00ADjanz')).toBe(true);
    expect(mayMention(probe, 'Olu\u200Bmiant and to\u00ADfa\u00ADci\u00ADti\u00ADnib')).toBe(true);
    expect(mayMention(probe, 'Sil\u00ADben\u00ADtren\u00ADnung in a German article')).toBe(false);
  });

  it('stays quiet on ordinary prose', () => {
    expect(mayMention(probe, 'The committee reviewed the annual budget and approved the plan.')).toBe(false);
    expect(mayMention(probe, 'サイバーセキュリティの会議が東京で開かれた。')).toBe(false);
    expect(mayMention(probe, '该研究纳入了三百名患者。')).toBe(false);
  });

  it('fires on Chinese and Japanese names inside running text of the same script', () => {
    expect(mayMention(probe, '患者はリンヴォックを服用した。')).toBe(true);
    expect(mayMention(probe, '研究比较了乌帕替尼和度普利尤单抗。')).toBe(true);
  });

  it('fires on every text the matcher finds a name in (property)', () => {
    const separator = fc.constantFrom(' ', '-', ',', '\u00A0', '\u2010', '\u2013', ', ', '  ', '\n  ');
    const piece = fc.oneof(
      fc.constantFrom(...names.map((n) => n.text)),
      fc.constantFrom(...names.map((n) => n.text)).map((t) => t.toUpperCase()),
      fc.string({ maxLength: 6 }),
      separator,
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        return matcher.find(text).length === 0 || mayMention(probe, text);
      }),
      { numRuns: 2000 },
    );
  });

  it('lets the matcher skip text without changing what it finds (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom(...names.map((n) => n.text)),
      fc.constantFrom('deuruxolitinib', 'ruxolitinibs', 'INCB  18424', 'CP-690, 550', 'Olu\u00ADmiant', 'RINVOQ LQ', 'xRinvoq'),
      fc.string({ maxLength: 8 }),
      fc.constantFrom(' ', '-', ',', '(', ')', '®', '\n'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const text = pieces.join('');
        expect(matcher.find(text, probe)).toEqual(matcher.find(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('fires on code names however their parts are separated', () => {
    for (const text of ['CP-690,550', 'CP 690550', 'CP\u2010690, 550', 'INCB\n      18424', 'ABT\u00A0494', 'PF-04965842']) {
      expect(mayMention(probe, `see ${text} here`)).toBe(true);
    }
  });

  it('fires where the matcher folds other letters onto Latin ones (Kelvin sign, long s)', () => {
    for (const text of ['Ja\u212Aafi', 'ta\u017Focitinib']) {
      expect(matcher.find(text)).toHaveLength(1);
      expect(mayMention(probe, text)).toBe(true);
    }
  });

  it('fires on any name in any case with invisible characters anywhere in it, inside any text (property)', () => {
    const invisible = fc.constantFrom('\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF');
    fc.assert(
      fc.property(
        fc.constantFrom(...names.map((n) => n.text)),
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), invisible), { maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        (name, before, after, inserts, upper) => {
          let word = [...name].map((ch, i) => (upper[i % upper.length] ? ch.toUpperCase() : ch.toLowerCase())).join('');
          for (const [at, ch] of inserts) {
            const i = at % (word.length + 1);
            word = word.slice(0, i) + ch + word.slice(i);
          }
          return mayMention(probe, `${before} ${word} ${after}`);
        },
      ),
    );
  });
});
