// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMatcher } from '@/src/match/find-mentions';
import { matchableNames } from '@/src/data/names';
import { chunksOf, locate } from '@/src/page/text-model';

const matcher = buildMatcher(matchableNames());

/** What a user would see marked: the text each mention's range covers, and its drug. */
function marked(html: string): [string, string][] {
  document.body.innerHTML = html;
  const out: [string, string][] = [];
  for (const chunk of chunksOf(document.body)) {
    for (const m of matcher.find(chunk.text)) {
      const at = locate(chunk, m.start, m.end);
      const range = document.createRange();
      range.setStart(at.startContainer, at.startOffset);
      range.setEnd(at.endContainer, at.endOffset);
      out.push([range.toString(), m.drugId]);
    }
  }
  return out;
}

describe('the text model joins inline runs and splits blocks', () => {
  it.each([
    ['<p><b>upadaci</b>tinib</p>', 'upadacitinib', 'upadacitinib'],
    ['<p><a href="#">Olu</a>miant</p>', 'Olumiant', 'baricitinib'],
    ['<p>tofa<wbr>citinib</p>', 'tofacitinib', 'tofacitinib'],
    ['<p>Xel\u00ADjanz</p>', 'Xel\u00ADjanz', 'tofacitinib'],
    ['<p>abro\u200Bciti\u200Dnib</p>', 'abro\u200Bciti\u200Dnib', 'abrocitinib'],
    ['<p><span>ba</span><em>rici</em><i>tinib</i></p>', 'baricitinib', 'baricitinib'],
  ])('finds %s as one mention', (html, text, drug) => {
    expect(marked(html)).toEqual([[text, drug]]);
  });

  it.each([
    ['<p>upadaci</p><p>tinib</p>'],
    ['<table><tr><td>Olu</td><td>miant</td></tr></table>'],
    ['<ul><li>tofa</li><li>citinib</li></ul>'],
    ['<p>abroci<br>tinib</p>'],
    ['<div>Rin<div>voq</div></div>'],
  ])('never joins text across blocks: %s', (html) => {
    expect(marked(html)).toEqual([]);
  });

  it.each([
    ['<title>tofacitinib</title>'],
    ['<script>var x = "tofacitinib";</script>'],
    ['<style>/* baricitinib */</style>'],
    ['<noscript>Rinvoq</noscript>'],
    ['<template><p>Olumiant</p></template>'],
    ['<textarea>abrocitinib</textarea>'],
    ['<select><option>Xeljanz</option></select>'],
    ['<div contenteditable="true">upadacitinib</div>'],
    ['<div contenteditable="">upadacitinib</div>'],
    ['<div role="textbox">Jakafi</div>'],
    ['<p hidden>Opzelura</p>'],
    ['<img alt="tofacitinib" title="Xeljanz">'],
    ['<jak-lens-ui>baricitinib</jak-lens-ui>'],
  ])('never marks text the reader does not see as prose: %s', (html) => {
    expect(marked(html)).toEqual([]);
  });

  it('still marks prose next to excluded elements', () => {
    expect(marked('<p>Rinvoq <input value="Rinvoq"> and <b>Olumiant</b></p>')).toEqual([
      ['Rinvoq', 'upadacitinib'],
      ['Olumiant', 'baricitinib'],
    ]);
    expect(marked('<div contenteditable="false">Cibinqo</div>')).toEqual([['Cibinqo', 'abrocitinib']]);
  });

  it('reports the block each run belongs to', () => {
    document.body.innerHTML = '<article><p id="a">Rinvoq</p><li id="b">Olumiant</li></article>';
    const blocks = [...chunksOf(document.body)].map((c) => (c.block as HTMLElement).id);
    expect(blocks).toEqual(['a', 'b']);
  });

  it('hands over only a block\'s own runs when asked, skipping the blocks inside it', () => {
    document.body.innerHTML = '<div id="d">Rinvoq <b>and</b><p>Olumiant</p>then <i>Xeljanz</i><br>Jakafi<ul><li>Opzelura</li></ul></div>';
    const runs = [...chunksOf(document.getElementById('d')!, undefined, true)].map((c) => [c.text, (c.block as HTMLElement).id]);
    expect(runs).toEqual([
      ['Rinvoq and', 'd'],
      ['then Xeljanz', 'd'],
      ['Jakafi', 'd'],
    ]);
  });
});

describe('property: a name split anywhere by inline markup or invisible characters', () => {
  const names = matchableNames().filter((n) => /^[\p{L}\p{N}]+$/u.test(n.text) && !/[\u3040-\u9fff]/.test(n.text));
  const splitters = ['</b><b>', '</i><i>', '<wbr>', '\u00AD', '\u200B', '\u200C', '\u200D', '</span><span>', '</a><a href="#">'];

  it('is still found exactly once, covering exactly the name', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.uniqueArray(fc.nat(40), { maxLength: 4 }),
        fc.array(fc.constantFrom(...splitters), { minLength: 4, maxLength: 4 }),
        (name, cuts, glue) => {
          const positions = [...new Set(cuts.map((c) => 1 + (c % (name.text.length - 1))))].sort((a, b) => a - b);
          let html = '';
          let last = 0;
          positions.forEach((p, i) => {
            html += name.text.slice(last, p) + glue[i]!;
            last = p;
          });
          html += name.text.slice(last);
          const result = marked(`<p>Before <b><i><span><a href="#">${html}</a></span></i></b> after.</p>`);
          const visible = result.map(([t, d]) => [t.replace(/[\u00AD\u200B-\u200D]/g, ''), d]);
          expect(visible).toEqual([[name.text, name.drugId]]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
