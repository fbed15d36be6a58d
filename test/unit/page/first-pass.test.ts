// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchableNames } from '@/src/data/names';
import { Probe } from '@/src/match/probe';
import { textsThatMayMention } from '@/src/page/first-pass';

const names = matchableNames();
const probe = new Probe(names.map((n) => n.text));
const check = (html: string) => {
  document.body.innerHTML = html;
  return [...textsThatMayMention(document.body, probe)].some((t) => t !== null);
};
/** The text of each node the first pass points at. */
const pointed = (html: string) => {
  document.body.innerHTML = html;
  return [...textsThatMayMention(document.body, probe)].filter((t) => t !== null).map((t) => t.data);
};

describe('the first pass', () => {
  it('says no for ordinary pages, even when their scripts and styles name a drug', () => {
    const code = `var config = ${JSON.stringify({ drug: 'Rinvoq', filler: 'x'.repeat(300) })};`;
    expect(check(`<h1>Budget</h1><p>The committee met on Tuesday.</p><script>${code}</script>`)).toBe(false);
    expect(check(`<p>Plain page.</p><style>.tofacitinib { color: red } ${'.a{}'.repeat(80)}</style>`)).toBe(false);
  });

  it('sees a name cut by the end of a batch of text', () => {
    const filler = '<p>The committee met on Tuesday and again on Friday.</p>'.repeat(400);
    for (let pad = 0; pad < 12; pad++) expect(check(`${filler}<p>${'z'.repeat(pad)} Olu<b>miant</b></p>`)).toBe(true);
  });

  it.each([
    ['<p>Started on Rinvoq.</p>'],
    ['<p>Treatment with <a href="#">Olu</a>miant was stopped.</p>'],
    ['<p><b>O</b><i>l</i><b>u</b>mi<i>ant</i></p>'],
    ['<p>Xel\u00ADjanz</p>'],
    ['<p>サイバ<b>インコ</b></p>'],
    ['<p>code ABT-<b>494</b></p>'],
  ])('says maybe for %s', (html) => {
    expect(check(html)).toBe(true);
  });

  it('points at the node where each possible name ends, once per name', () => {
    expect(pointed('<p>Started on Rinvoq.</p><p>Nothing here.</p><p>Then <a href="#">Olu</a>miant and Xeljanz.</p>')).toEqual([
      'Started on Rinvoq.',
      'miant and Xeljanz.',
    ]);
    // After pointing at a node the automaton starts afresh at the next one: the caller reads the whole block.
    expect(pointed('<p>Rinvoq, Olumiant, Xeljanz</p><p>Jakafi</p>')).toEqual(['Rinvoq, Olumiant, Xeljanz', 'Jakafi']);
  });

  it('points at the right node when skipped script text sits between the batch\'s nodes', () => {
    const script = `var config = ${JSON.stringify({ note: 'Xeljanz', filler: 'x'.repeat(400) })};`;
    expect(pointed(`<p>Plain.</p><script>${script}</script><p>Then <b>Olu</b>miant.</p><p>After.</p>`)).toEqual(['miant.']);
  });

  it('points at names in every batch of a long page, and pauses between batches', () => {
    const filler = '<p>The committee met on Tuesday and again on Friday.</p>'.repeat(400);
    document.body.innerHTML = `<p>Rinvoq first.</p>${filler}<p>Then Olumiant.</p>${filler}<p>Last, Jakafi.</p>`;
    const items = [...textsThatMayMention(document.body, probe)];
    expect(items.filter((t) => t !== null).map((t) => t.data)).toEqual(['Rinvoq first.', 'Then Olumiant.', 'Last, Jakafi.']);
    expect(items.filter((t) => t === null).length).toBeGreaterThanOrEqual(2);
  });

  it('starts again when the page removed the text it had paused at', () => {
    const filler = '<p class="f">The committee met on Tuesday and again on Friday.</p>'.repeat(400);
    document.body.innerHTML = `${filler}${filler}<p>Then Olumiant.</p>`;
    const seen: string[] = [];
    let removed = false;
    for (const text of textsThatMayMention(document.body, probe)) {
      if (text) seen.push(text.data);
      else if (!removed) {
        // A page script replaces the first half of the page while the first pass is paused.
        removed = true;
        for (const p of [...document.querySelectorAll('p.f')].slice(0, 500)) p.remove();
      }
    }
    expect(removed).toBe(true);
    expect(seen).toEqual(['Then Olumiant.']);
  });

  it('never misses a name split anywhere by inline markup (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.uniqueArray(fc.nat(60), { maxLength: 5 }), (name, cuts) => {
        const positions = [...new Set(cuts.map((c) => c % name.text.length))].filter((p) => p > 0).sort((a, b) => a - b);
        let html = '';
        let last = 0;
        for (const p of positions) {
          html += `${name.text.slice(last, p)}</b><b>`;
          last = p;
        }
        html += name.text.slice(last);
        expect(check(`<p>Some prose before <b>${html}</b> and after.</p>`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
