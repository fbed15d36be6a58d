// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentText, findAll, pageTextOf, rangeInTextLayer } from '@/src/pdf-viewer/find-in-document';
import { shimDomForScanner } from '../support/dom-shims';

beforeAll(shimDomForScanner);

describe('find in the document', () => {
  it('puts a page’s text together as its text layer holds it', () => {
    expect(pageTextOf([{ str: 'Herpes ', hasEOL: false }, { str: 'zoster', hasEOL: true }, { type: 'beginMarkedContent' }, { str: '', hasEOL: true }, { str: 'rates' }])).toBe('Herpes zoster\n\nrates');
  });

  it('finds every place, ignoring case, in reading order across pages; nothing for an empty query', () => {
    const pages = ['Herpes zoster and herpes simplex', 'No match here', 'HERPES'];
    expect(findAll(pages, ' herpes ')).toEqual([
      { page: 1, start: 0, end: 6 },
      { page: 1, start: 18, end: 24 },
      { page: 3, start: 0, end: 6 },
    ]);
    expect(findAll(pages, '  ')).toEqual([]);
    expect(findAll(pages, 'zoster\nand')).toEqual([]);
  });

  it('maps a place back to the drawn text layer, counting a line break for each <br>', () => {
    const layer = document.createElement('div');
    layer.innerHTML = '<span>Herpes </span><span>zoster</span><br><br><span>rates per 100</span>';
    const text = pageTextOf([{ str: 'Herpes ' }, { str: 'zoster', hasEOL: true }, { str: '', hasEOL: true }, { str: 'rates per 100' }]);
    const [found] = findAll([text], 'rates per');
    const range = rangeInTextLayer(layer, found!.start, found!.end)!;
    expect([range.startContainer.textContent, range.startOffset, range.endOffset]).toEqual(['rates per 100', 0, 9]);
    const across = rangeInTextLayer(layer, 4, 10)!;
    expect([across.startContainer.textContent, across.startOffset, across.endContainer.textContent, across.endOffset]).toEqual(['Herpes ', 4, 'zoster', 3]);
    expect(rangeInTextLayer(layer, 30, 40)).toBeNull();
  });

  it('reads the pages’ text once, a page that fails as empty', async () => {
    let reads = 0;
    const text = new DocumentText({
      numPages: 2,
      pageText: async (n) => {
        reads++;
        if (n === 2) throw new Error('bad page');
        return [{ str: 'Rinvoq' }];
      },
    });
    expect(await text.all()).toEqual(['Rinvoq', '']);
    expect(await text.all()).toEqual(['Rinvoq', '']);
    expect(reads).toBe(2);
  });
});
