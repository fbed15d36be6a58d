// @vitest-environment happy-dom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { matchableNames } from '@/src/data/names';
import { buildMatcher } from '@/src/match/find-mentions';
import { buildProbe } from '@/src/match/probe';
import type { PageMention } from '@/src/page/page-mention';
import { Scanner } from '@/src/page/scanner';

const names = matchableNames();
const options = { matcher: buildMatcher(names), probe: buildProbe(names.map((n) => n.text)) };

beforeAll(() => {
  // happy-dom has no StaticRange and no XPath. The scanner only stores a range's boundary points,
  // and these pages have no custom elements, so an empty XPath answer is the true one.
  (globalThis as { StaticRange?: unknown }).StaticRange ??= class {
    constructor(init: StaticRangeInit) {
      Object.assign(this, init);
    }
  };
  (globalThis as { XPathResult?: unknown }).XPathResult ??= { ORDERED_NODE_SNAPSHOT_TYPE: 7 };
  (document as { evaluate: unknown }).evaluate = () => ({ snapshotLength: 0, snapshotItem: () => null });
});

const texts = (mentions: readonly PageMention[]) => mentions.map((m) => m.text).sort();

/** Starts a scanner and edits the page right after its first marks, while the first scan still runs. */
async function editDuringFirstScan(html: string, edit: () => void): Promise<() => readonly PageMention[]> {
  document.body.innerHTML = html;
  let latest: readonly PageMention[] = [];
  let edited = false;
  const scanner = new Scanner(document, {
    ...options,
    onChange: (m) => {
      latest = m;
      if (!edited && m.length) {
        edited = true;
        queueMicrotask(edit);
      }
    },
  });
  await scanner.start();
  return () => latest;
}

describe('the scanner', () => {
  it('does not lose an edit to text it has already scanned while its first scan still runs', async () => {
    const latest = await editDuringFirstScan('<p id="a">Oral upadacitinib.</p><p>Nothing here.</p><p>Then Olumiant.</p>', () => {
      (document.getElementById('a')!.firstChild as Text).data = 'Now it names Xeljanz.';
    });
    await vi.waitFor(() => expect(texts(latest())).toEqual(['Olumiant', 'Xeljanz']));
  });

  it('counts a block edited during the first scan once', async () => {
    const latest = await editDuringFirstScan('<p id="a">Oral upadacitinib.</p><p>Rinvoq again.</p>', () => {
      (document.getElementById('a')!.firstChild as Text).data = 'Oral upadacitinib, edited.';
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(texts(latest())).toEqual(['Rinvoq', 'upadacitinib']);
  });
});
