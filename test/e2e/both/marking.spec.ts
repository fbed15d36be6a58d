import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { markedParagraphsInPage, marksBesideShownNames } from '../support/in-page';
import { FAST, clickOn, expect, marks, marksInFrame, pointOf, sortedMarks, test } from './fixtures';

const mentionsKey = JSON.parse(readFileSync(resolve(import.meta.dirname, '../pages/mentions.json'), 'utf8')) as { marked: string[] };

/** Fixture pages and the marks a reader must see on them, top frame and child frames. */
const MARKED_PAGES: { page: string; proves: string; marks: string[]; frames?: Record<string, string[]> }[] = [
  {
    page: '/mentions.html',
    proves: 'every name kind; names split by markup and soft hyphens are one mark; excluded contexts are not marked',
    marks: mentionsKey.marked,
  },
  { page: '/shadow-root.html', proves: 'text in an open shadow root is marked; a closed root is left alone', marks: ['Cibinqo', 'Jakavi', 'Rinvoq', 'upadacitinib'] },
  { page: '/with-iframe.html', proves: 'a same-origin iframe is marked in its own frame', marks: ['Opzelura'], frames: { 'frame-content': ['Anzupgo', 'delgocitinib'] } },
  {
    page: `/strict-csp.html?csp=${encodeURIComponent("default-src 'none'; style-src 'none'; script-src 'none'")}`,
    proves: 'marks paint under a strict Content-Security-Policy',
    marks: ['Jakafi', 'tofacitinib'],
  },
];

for (const fixture of MARKED_PAGES) {
  test(`${fixture.page.split('?')[0]}: ${fixture.proves}`, async ({ jak, problems }) => {
    // Firefox reports the page's CSP refusing the browser's own favicon request as a page error.
    problems.allow(/blocked the loading of a resource \(img-src\) at http:\/\/127\.0\.0\.1:\d+\/favicon\.ico/);
    const tab = await jak.newTab(fixture.page);
    await expect.poll(() => sortedMarks(tab), FAST).toEqual([...fixture.marks].sort());
    for (const [urlPart, expected] of Object.entries(fixture.frames ?? {})) {
      await expect.poll(() => marksInFrame(tab, urlPart), FAST).toEqual([...expected].sort());
    }
  });
}

test('on a page with thousands of mentions, those on screen are marked wherever the reader scrolls, and only those near it are held', async ({ jak }) => {
  const tab = await jak.newTab('/many-mentions.html');
  const marked = (scrollTo: string | null = null) => tab.evaluate(markedParagraphsInPage, { scrollTo, first: 'p0', last: 'p2999' });
  await expect.poll(() => marked(), { timeout: 15_000 }).toMatchObject({ onScreenMarked: true, first: true, last: false });
  expect((await marked()).count, 'marks held with the page at its top').toBeLessThan(1000);
  await marked('p2999');
  await expect.poll(() => marked(), FAST).toMatchObject({ onScreenMarked: true, first: false, last: true });
  await marked('p1500');
  await expect.poll(() => marked(), FAST).toMatchObject({ onScreenMarked: true, first: false, last: false });
});

test('content that arrives later is marked as it arrives', async ({ jak }) => {
  const tab = await jak.newTab('/infinite-scroll.html');
  await expect.poll(async () => (await marks(tab)).length, FAST).toBe(21);
  expect(new Set(await marks(tab))).toEqual(new Set(['baricitinib', 'Xeljanz']));
});

test('edits after load are picked up: changed text, removed text, a burst of mutations, an in-app navigation', async ({ jak }) => {
  const tab = await jak.newTab('/dynamic-edits.html');
  await expect.poll(() => sortedMarks(tab), FAST).toEqual(['Olumiant']);

  await tab.evaluate(() => {
    (document.getElementById('edit')!.firstChild as Text).data = 'Now it names abrocitinib.';
    document.getElementById('gone')!.remove();
  }, null);
  await expect.poll(() => sortedMarks(tab), FAST).toEqual(['abrocitinib']);

  // A burst of thousands of mutations switches to one rescan.
  await tab.evaluate(() => {
    const box = document.getElementById('burst')!;
    for (let i = 0; i < 3000; i++) {
      const span = document.createElement('span');
      span.textContent = i % 1000 === 0 ? ' Rinvoq ' : ' filler ';
      box.append(span);
    }
  }, null);
  await expect.poll(() => sortedMarks(tab), FAST).toEqual(['Rinvoq', 'Rinvoq', 'Rinvoq', 'abrocitinib']);

  // Navigation inside a single-page app: new content, new marks.
  await tab.evaluate(() => {
    history.pushState({}, '', '/dynamic-edits.html?view=2');
    document.getElementById('burst')!.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Second view: Opzelura.' }));
  }, null);
  await expect.poll(() => sortedMarks(tab), FAST).toEqual(['Opzelura', 'abrocitinib']);
});

test('a name typed into an editor is never marked', async ({ jak }) => {
  const tab = await jak.newTab('/dynamic-edits.html');
  await expect.poll(() => sortedMarks(tab), FAST).toEqual(['Olumiant']);
  await clickOn(tab, '#typing');
  await tab.type('tofacitinib and Xeljanz');
  // A change outside the editor after the typing: once it is marked, the editor has been seen too.
  await tab.evaluate(() => ((document.getElementById('edit')!.firstChild as Text).data = 'Now it names Cibinqo.'), null);
  await expect.poll(() => sortedMarks(tab), FAST).toEqual(['Cibinqo', 'Olumiant']);
  expect(await tab.evaluate(() => document.getElementById('typing')!.textContent, null)).toContain('tofacitinib and Xeljanz');
});

test('a React page re-rendering every 30 ms keeps working, its text intact, and the marks follow its text', async ({ jak }) => {
  const tab = await jak.newTab('/react-rerender.html');
  const renders = () => tab.evaluate(() => (window as unknown as { renders: number }).renders, null);
  await expect.poll(renders, FAST).toBeGreaterThan(40);
  // React is still rendering and its text is whole (it would throw if its nodes had been wrapped).
  const before = await renders();
  await expect.poll(renders, FAST).toBeGreaterThan(before + 10);
  expect(await tab.evaluate(() => document.getElementById('count')!.textContent, null)).toMatch(/^Render \d+$/);
  const names = ['upadacitinib', 'Rinvoq', 'abrocitinib', 'Olumiant', 'tofacitinib', 'Opzelura'];
  await expect
    .poll(async () => {
      const pair = await tab.evaluate(marksBesideShownNames, { rootId: 'root', names });
      return pair === null ? 'a change landed between our frame and this read' : pair[0].length > 0 && JSON.stringify(pair[0]) === JSON.stringify(pair[1]);
    }, FAST)
    .toBe(true);
});

test('a page that opts out is left alone', async ({ jak }) => {
  const tab = await jak.newTab('/opt-out.html');
  // The content script has read the page once it answers the popup's question about it.
  const tabId = await jak.tabIdOf(tab);
  const popup = await jak.openExtensionPage(`popup.html?tab=${tabId}`, '[role="status"]');
  await expect.poll(() => popup.evaluate(() => document.querySelector('[role="status"]')!.textContent, null), FAST).toBe('This page asks JAK Lens not to mark it.');
  expect(await tab.evaluate(() => CSS.highlights.has('jak-lens'), null)).toBe(false);
});

test('turning a site off in settings clears its marks without a reload, and back on restores them', async ({ jak }) => {
  const tab = await jak.newTab('/smoke.html');
  await expect.poll(() => sortedMarks(tab), FAST).toEqual(['upadacitinib']);
  await jak.setSettings({ ...DEFAULT_SETTINGS, siteMode: 'all-except', sites: ['127.0.0.1'] });
  await expect.poll(() => tab.evaluate(() => CSS.highlights.has('jak-lens'), null), FAST).toBe(false);
  await jak.setSettings({ ...DEFAULT_SETTINGS, siteMode: 'all-except', sites: [] });
  await expect.poll(() => sortedMarks(tab), FAST).toEqual(['upadacitinib']);
});

test('hovering a mark emphasises exactly that mention, and leaving clears it', async ({ jak }) => {
  const tab = await jak.newTab('/mentions.html');
  await expect.poll(async () => (await marks(tab)).length, FAST).toBe(mentionsKey.marked.length);
  const olumiant = await pointOf(tab, 'Olumiant');
  await tab.moveMouse(olumiant.x, olumiant.y);
  await expect.poll(() => marks(tab, 'jak-lens-active'), FAST).toEqual(['Olumiant']);
  // A split mention is one mention wherever the pointer enters it.
  const tail = await pointOf(tab, 'tinib (Opzelura)', 0, [0, 5]);
  await tab.moveMouse(tail.x, tail.y);
  await expect.poll(() => marks(tab, 'jak-lens-active'), FAST).toEqual(['ruxolitinib']);
  await tab.moveMouse(5, 5);
  await expect.poll(() => marks(tab, 'jak-lens-active'), FAST).toEqual([]);
});
