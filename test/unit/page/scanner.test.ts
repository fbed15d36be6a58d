// @vitest-environment happy-dom
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { matchableNames } from '@/src/data/names';
import { buildMatcher } from '@/src/match/find-mentions';
import { Probe } from '@/src/match/probe';
import type { PageMention } from '@/src/page/page-mention';
import { Scanner } from '@/src/page/scanner';
import { chunksOf } from '@/src/page/text-model';
import { shimDomForScanner } from '../support/dom-shims';

const names = matchableNames();
const options = { matcher: buildMatcher(names), probe: new Probe(names.map((n) => n.text)) };

beforeAll(shimDomForScanner);

const texts = (mentions: readonly PageMention[]) => mentions.map((m) => m.text).sort();

/** Starts a scanner and edits the page right after its first marks, while the first scan still runs. */
async function editDuringFirstScan(html: string, edit: () => void): Promise<() => readonly PageMention[]> {
  document.body.innerHTML = html;
  let latest: readonly PageMention[] = [];
  let edited = false;
  const scanner = new Scanner(document, {
    ...options,
    signal: new AbortController().signal,
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

  it('reads nothing again when our own card host joins or leaves the page', async () => {
    document.body.innerHTML = '<p>Oral upadacitinib.</p>';
    let changes = 0;
    const lifetime = new AbortController();
    const scanner = new Scanner(document, { ...options, signal: lifetime.signal, onChange: () => changes++ });
    await scanner.start();
    await new Promise((r) => setTimeout(r, 50));
    const before = changes;
    const host = document.createElement('jak-lens-ui');
    document.documentElement.append(host);
    await new Promise((r) => setTimeout(r, 50));
    host.remove();
    await new Promise((r) => setTimeout(r, 50));
    expect(changes).toBe(before);
    lifetime.abort();
  });

  it('reads an edit to the body itself again in slices, as a full scan, and finds its name', async () => {
    document.body.innerHTML = '<p>Nothing here.</p>';
    let latest: readonly PageMention[] = [];
    const lifetime = new AbortController();
    const scanner = new Scanner(document, { ...options, signal: lifetime.signal, onChange: (m) => (latest = m) });
    await scanner.start();
    const fullScan = vi.spyOn(scanner, 'fullScan');
    document.body.append('Then Olumiant, straight in the body.');
    await vi.waitFor(() => expect(texts(latest)).toEqual(['Olumiant']));
    expect(fullScan).toHaveBeenCalled();
    lifetime.abort();
  });

  it('counts a block edited during the first scan once', async () => {
    const latest = await editDuringFirstScan('<p id="a">Oral upadacitinib.</p><p>Rinvoq again.</p>', () => {
      (document.getElementById('a')!.firstChild as Text).data = 'Oral upadacitinib, edited.';
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(texts(latest())).toEqual(['Rinvoq', 'upadacitinib']);
  });
});

/** What a scan finds when it reads every run of prose on the page (no first pass). */
function everyRunRead(): string[] {
  const out: string[] = [];
  for (const chunk of chunksOf(document.body)) {
    for (const m of options.matcher.find(chunk.text)) out.push(chunk.text.slice(m.start, m.end));
  }
  return out.sort();
}

/** The mentions one full scan of `html` finds. */
async function mentionsIn(html: string): Promise<readonly PageMention[]> {
  document.body.innerHTML = html;
  let latest: readonly PageMention[] = [];
  const lifetime = new AbortController();
  const scanner = new Scanner(document, { ...options, signal: lifetime.signal, onChange: (m) => (latest = m) });
  await scanner.fullScan();
  lifetime.abort();
  return latest;
}

const scanned = async (html: string) => texts(await mentionsIn(html));

describe('reading only the blocks the first pass points at', () => {
  it.each([
    ['<div>Rinvoq in the div <p>and Olumiant in a paragraph inside it</p> then Xeljanz after it.</div>'],
    // The first pass stops at the hidden name; the block around it is read, and the name across it joined.
    ['<p>Xel<span hidden>Rinvoq</span>janz across a hidden span</p>'],
    ['<p>Started on Rinvoq.</p><textarea>Jakafi</textarea><p contenteditable>Opzelura</p><script>var a = "Cibinqo";</script>'],
    ['<ul><li>Rinvoq, Olumiant and <b>Xel</b>janz</li><li>Jakafi<br>Jakavi</li></ul>'],
    ['<p>deuruxolitinib is not ruxolitinib.</p><div>Rinvoq<div>Xeljanz</div>Olumiant</div>'],
  ])('finds what reading every run finds in %s', async (html) => {
    const got = await scanned(html);
    expect(got).toEqual((document.body.innerHTML = html, everyRunRead()));
    expect(got.length).toBeGreaterThan(0);
  });

  it('finds what reading every run finds, on any page of blocks, inline markup and names (property)', async () => {
    const name = fc.constantFrom(...names.map((n) => n.text));
    const split = fc.tuple(name, fc.nat()).map(([n, at]) => {
      const i = at % (n.length + 1);
      return `${n.slice(0, i)}<b>${n.slice(i)}</b>`;
    });
    const words = fc.constantFrom('the ', 'and ', 'deuruxolitinib ', ', ', '. ', 'x', '');
    const inline = fc.array(fc.oneof(name, split, words, fc.constantFrom('<br>', '<span hidden>Rinvoq</span>', '<i>tinib</i>')), { maxLength: 6 }).map((a) => a.join(''));
    const block: fc.Arbitrary<string> = fc.letrec((tie) => ({
      block: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        inline.map((t) => `<p>${t}</p>`),
        fc.tuple(inline, fc.array(tie('block'), { maxLength: 3 }), inline).map(([a, inner, b]) => `<div>${a}${inner.join('')}${b}</div>`),
        fc.array(inline, { maxLength: 3 }).map((cells) => `<table><tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr></table>`),
      ),
    })).block;
    await fc.assert(
      fc.asyncProperty(fc.array(block, { maxLength: 5 }), inline, async (blocks, loose) => {
        const html = loose + blocks.join('');
        const got = await scanned(html);
        document.body.innerHTML = html;
        expect(got).toEqual(everyRunRead());
      }),
      { numRuns: 200 },
    );
  });
});

describe('a word broken by a hyphen at the end of a line', () => {
  it('is one mention when it is a name, its range running from the first half to the second', async () => {
    const latest = await mentionsIn('<p>Patients on upadaci-<br>tinib were followed.</p>');
    expect(latest.map((m) => m.text)).toEqual(['upadacitinib']);
    const [first, second] = [...document.querySelector('p')!.childNodes].filter((n) => n.nodeType === 3) as Text[];
    expect(latest[0]!.range).toMatchObject({ startContainer: first, startOffset: 12, endContainer: second, endOffset: 5 });
  });

  it('leaves a name ending a line before a hyphenated compound marked once, and joins nothing else', async () => {
    expect(await scanned('<p>Rinvoq-<br>treated patients</p>')).toEqual(['Rinvoq']);
    expect(await scanned('<p>Olumiant and abroci-<br>tinib, then tofaci-<br>tinib.</p>')).toEqual(['Olumiant', 'abrocitinib', 'tofacitinib']);
  });

  it('is not joined when the next line starts with a capital, after a blank line, across blocks, or without a hyphen', async () => {
    expect(await scanned('<p>upadaci-<br>Tinib</p>')).toEqual([]);
    expect(await scanned('<p>upadaci-<br><br>tinib</p>')).toEqual([]);
    expect(await scanned('<p>upadaci-</p><p>tinib</p>')).toEqual([]);
    expect(await scanned('<p>Rin<br>voq and Xel<br>janz</p>')).toEqual([]);
  });
});
