// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { matchableNames } from '@/src/data/names';
import { buildMatcher } from '@/src/match/find-mentions';
import { Probe } from '@/src/match/probe';
import { DocumentIndex, mentionsInPageText, stepFrom, type TextItemLike } from '@/src/pdf-viewer/document-index';

const names = matchableNames();
const matcher = buildMatcher(names);
const probe = new Probe(names.map((n) => n.text));
const read = (items: TextItemLike[]) => mentionsInPageText(items, matcher, probe, document);
const line = (str: string): TextItemLike => ({ str, hasEOL: true });

describe('a page’s mentions, read from its text as the text layer lays it out', () => {
  it('finds each name in reading order, a name broken by a line-end hyphen once and in its place', () => {
    expect(read([line('Rinvoq, then tofaci-'), line('tinib or Olumiant.'), { str: 'PF-04965842' }])).toEqual(['upadacitinib', 'tofacitinib', 'baricitinib', 'abrocitinib']);
  });

  it('never joins two lines, nor two items a line end separates, into one name', () => {
    expect(read([line('Rin'), line('voq'), { str: 'upadaci' }, { str: '', hasEOL: true }, { str: 'tinib' }])).toEqual([]);
  });

  it('reads items on one line as one run, as the text layer shows them', () => {
    expect(read([{ str: 'Olu' }, { str: 'miant' }, { type: 'beginMarkedContent' }, line(' and Cibinqo')])).toEqual(['baricitinib', 'abrocitinib']);
  });
});

function sourceOf(pages: (TextItemLike[] | Error)[]) {
  return {
    numPages: pages.length,
    pageText: async (n: number) => {
      const page = pages[n - 1]!;
      if (page instanceof Error) throw page;
      return page;
    },
  };
}

describe('the whole document’s index', () => {
  it('counts each drug with the pages it is named on, most named first, as it reads', async () => {
    const index = new DocumentIndex(sourceOf([[line('Rinvoq and Olumiant')], [line('No drug here.')], [line('upadacitinib, then Rinvoq again')]]), matcher, probe, document);
    const seen: number[] = [];
    index.onChange(() => seen.push(index.summary().pagesRead));
    await index.build(new AbortController().signal);
    expect(seen).toEqual([1, 2, 3]);
    expect(index.summary()).toEqual({
      pageCount: 3,
      pagesRead: 3,
      hasText: true,
      drugs: [
        { drugId: 'upadacitinib', count: 3, pages: [1, 3] },
        { drugId: 'baricitinib', count: 1, pages: [1] },
      ],
    });
    expect(index.counts()).toEqual({ upadacitinib: 3, baricitinib: 1 });
    expect(index.countOn(3)).toBe(2);
    expect(index.mentions('upadacitinib').map((m) => [m.page, m.ordinal])).toEqual([[1, 0], [3, 0], [3, 1]]);
  });

  it('says a document has no text only once every page has been read without any', async () => {
    const index = new DocumentIndex(sourceOf([[], [{ str: '  ' }], new Error('broken page')]), matcher, probe, document);
    expect(index.summary().hasText).toBe(true);
    await index.build(new AbortController().signal);
    expect(index.summary()).toMatchObject({ pagesRead: 3, hasText: false, drugs: [] });
  });

  it('stops reading when its document closes', async () => {
    const closing = new AbortController();
    const index = new DocumentIndex(sourceOf([[line('Rinvoq')], [line('Olumiant')], [line('Jakafi')]]), matcher, probe, document);
    index.onChange(() => closing.abort());
    await index.build(closing.signal);
    expect(index.summary().pagesRead).toBe(1);
    expect(index.complete).toBe(false);
  });
});

describe('a step from mention to mention', () => {
  const mentions = [
    { page: 1, ordinal: 0, drugId: 'upadacitinib' as const },
    { page: 20, ordinal: 0, drugId: 'baricitinib' as const },
    { page: 40, ordinal: 0, drugId: 'tofacitinib' as const },
    { page: 40, ordinal: 1, drugId: 'tofacitinib' as const },
  ];

  it('goes to the next or previous one, across pages, and round the document’s ends', () => {
    expect(stepFrom(mentions, { page: 1, ordinal: 0 }, 'next')).toBe(mentions[1]);
    expect(stepFrom(mentions, { page: 40, ordinal: 0 }, 'next')).toBe(mentions[3]);
    expect(stepFrom(mentions, { page: 40, ordinal: 1 }, 'next')).toBe(mentions[0]);
    expect(stepFrom(mentions, { page: 1, ordinal: 0 }, 'previous')).toBe(mentions[3]);
    expect(stepFrom(mentions, { page: 40, ordinal: 1 }, 'previous')).toBe(mentions[2]);
  });

  it('from the top of a page without a card: the page’s first mention, or the last one before it', () => {
    expect(stepFrom(mentions, { page: 40, ordinal: -0.5 }, 'next')).toBe(mentions[2]);
    expect(stepFrom(mentions, { page: 30, ordinal: -0.5 }, 'next')).toBe(mentions[2]);
    expect(stepFrom(mentions, { page: 30, ordinal: -0.5 }, 'previous')).toBe(mentions[1]);
    expect(stepFrom([], { page: 1, ordinal: -0.5 }, 'next')).toBeNull();
  });
});
