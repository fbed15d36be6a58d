import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { test, expect } from './fixtures';
import { markedTexts, pointOf, sortedMarks } from './support/marks';
import { setStoredSettings } from './support/storage';
import { QUIET_NETWORK_ARGS, findChromium, sandboxArgs } from '../../scripts/lib/chromium.mjs';

const expected = JSON.parse(readFileSync(resolve(import.meta.dirname, 'pages/mentions.json'), 'utf8')) as { marked: string[] };

test('marks every name kind, and only visible prose', async ({ context, pageOrigin }) => {
  const page = await context.newPage();
  await page.goto(`${pageOrigin}/mentions.html`);
  await expect.poll(() => sortedMarks(page)).toEqual([...expected.marked].sort());
});

test('leaves the page DOM byte-identical to a run without the extension', async ({ context, pageOrigin }) => {
  const page = await context.newPage();
  await page.goto(`${pageOrigin}/mentions.html`);
  await expect.poll(async () => (await markedTexts(page)).length).toBe(expected.marked.length);
  const withExtension = await page.evaluate(() => document.documentElement.outerHTML);

  const found = await findChromium();
  if (found.path === null) throw new Error(found.help);
  const plain = await chromium.launch({ executablePath: found.path, args: [...QUIET_NETWORK_ARGS, ...sandboxArgs()] });
  const bare = await plain.newPage();
  await bare.goto(`${pageOrigin}/mentions.html`);
  const without = await bare.evaluate(() => document.documentElement.outerHTML);
  await plain.close();
  expect(withExtension).toBe(without);
});

test('hovering a mark emphasises exactly that mention, and leaving clears it', async ({ context, pageOrigin }) => {
  const page = await context.newPage();
  await page.goto(`${pageOrigin}/mentions.html`);
  await expect.poll(async () => (await markedTexts(page)).length).toBe(expected.marked.length);
  const olumiant = await pointOf(page, 'Olumiant');
  await page.mouse.move(olumiant.x, olumiant.y);
  await expect.poll(() => markedTexts(page, 'jak-lens-active')).toEqual(['Olumiant']);
  // A split mention is one mention wherever the pointer enters it.
  const tail = await pointOf(page, 'tinib (Opzelura)', 0, [0, 5]);
  await page.mouse.move(tail.x, tail.y);
  await expect.poll(() => markedTexts(page, 'jak-lens-active')).toEqual(['ruxolitinib']);
  await page.mouse.move(5, 5);
  await expect.poll(() => markedTexts(page, 'jak-lens-active')).toEqual([]);
});

test('a React page that re-renders names keeps working and the marks follow its text', async ({ context, pageOrigin }) => {
  const page = await context.newPage();
  await page.goto(`${pageOrigin}/react-rerender.html`);
  await expect.poll(() => page.evaluate(() => (window as unknown as { renders: number }).renders)).toBeGreaterThan(40);
  // React is still rendering and its text is whole (it would throw if its nodes had been wrapped).
  const renders = await page.evaluate(() => (window as unknown as { renders: number }).renders);
  await expect.poll(() => page.evaluate(() => (window as unknown as { renders: number }).renders)).toBeGreaterThan(renders + 10);
  await expect(page.locator('#count')).toHaveText(/^Render \d+$/);
  // Read inside an animation frame: JAK Lens applies the page's changes in the frame after them,
  // so by then the marks must match the text on screen.
  await expect
    .poll(async () =>
      page.evaluate(
        () =>
          new Promise<string>((done) =>
            requestAnimationFrame(() => {
              const names = ['upadacitinib', 'Rinvoq', 'abrocitinib', 'Olumiant', 'tofacitinib', 'Opzelura'];
              const shown = document.getElementById('root')!.innerText.match(new RegExp(names.join('|'), 'g')) ?? [];
              try {
                const marked = [...(CSS.highlights.get('jak-lens') ?? [])].map((r) => {
                  const range = document.createRange();
                  range.setStart(r.startContainer, r.startOffset);
                  range.setEnd(r.endContainer, r.endOffset);
                  return range.toString();
                });
                done(JSON.stringify([shown.sort(), marked.sort()]));
              } catch {
                done('a change landed between our frame and this read; poll again');
              }
            }),
          ),
      ),
    )
    .toMatch(/^\[(\[.*\]),\1\]$/);
});

test('content that arrives later is marked as it arrives', async ({ context, pageOrigin }) => {
  const page = await context.newPage();
  await page.goto(`${pageOrigin}/infinite-scroll.html`);
  await expect.poll(async () => (await markedTexts(page)).length).toBe(21);
  expect(new Set(await markedTexts(page))).toEqual(new Set(['baricitinib', 'Xeljanz']));
});

test('text in an open shadow root is marked; a closed root is left alone', async ({ context, pageOrigin }) => {
  const page = await context.newPage();
  await page.goto(`${pageOrigin}/shadow-root.html`);
  await expect.poll(() => sortedMarks(page)).toEqual(['Cibinqo', 'Jakavi', 'Rinvoq', 'upadacitinib']);
});

test('mentions inside a same-origin iframe are marked in that frame', async ({ context, pageOrigin }) => {
  const page = await context.newPage();
  await page.goto(`${pageOrigin}/with-iframe.html`);
  await expect.poll(() => sortedMarks(page)).toEqual(['Opzelura']);
  const frame = page.frame({ url: /frame-content/ })!;
  await expect.poll(() => sortedMarks(frame)).toEqual(['Anzupgo', 'delgocitinib']);
});

test('a page that opts out is left alone', async ({ context, pageOrigin }) => {
  const page = await context.newPage();
  await page.goto(`${pageOrigin}/opt-out.html`);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => CSS.highlights.has('jak-lens'))).toBe(false);
});

test('marks paint under a strict Content-Security-Policy', async ({ context, pageOrigin }) => {
  const page = await context.newPage();
  const csp = encodeURIComponent("default-src 'none'; style-src 'none'; script-src 'none'");
  await page.goto(`${pageOrigin}/strict-csp.html?csp=${csp}`);
  await expect.poll(() => sortedMarks(page)).toEqual(['Jakafi', 'tofacitinib']);
});

test('edits after load are picked up within a frame or two', async ({ context, pageOrigin }) => {
  const page = await context.newPage();
  await page.goto(`${pageOrigin}/dynamic-edits.html`);
  await expect.poll(() => sortedMarks(page)).toEqual(['Olumiant']);

  await page.evaluate(() => {
    (document.getElementById('edit')!.firstChild as Text).data = 'Now it names abrocitinib.';
    document.getElementById('gone')!.remove();
  });
  await expect.poll(() => sortedMarks(page)).toEqual(['abrocitinib']);

  // A burst of thousands of mutations switches to one rescan.
  await page.evaluate(() => {
    const box = document.getElementById('burst')!;
    for (let i = 0; i < 3000; i++) {
      const span = document.createElement('span');
      span.textContent = i % 1000 === 0 ? ' Rinvoq ' : ' filler ';
      box.append(span);
    }
  });
  await expect.poll(() => sortedMarks(page)).toEqual(['Rinvoq', 'Rinvoq', 'Rinvoq', 'abrocitinib']);

  // Navigation inside a single-page app: new content, new marks.
  await page.evaluate(() => {
    history.pushState({}, '', '/dynamic-edits.html?view=2');
    document.getElementById('burst')!.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Second view: Opzelura.' }));
  });
  await expect.poll(() => sortedMarks(page)).toEqual(['Opzelura', 'abrocitinib']);

  // Typing a name into an editor never marks it.
  await page.click('#typing');
  await page.keyboard.type('tofacitinib and Xeljanz');
  await page.waitForTimeout(300);
  expect(await sortedMarks(page)).toEqual(['Opzelura', 'abrocitinib']);
});

test('turning a site off in settings clears its marks without a reload, and back on restores them', async ({ context, pageOrigin }) => {
  const page = await context.newPage();
  await page.goto(`${pageOrigin}/smoke.html`);
  await expect.poll(() => sortedMarks(page)).toEqual(['upadacitinib']);
  await setStoredSettings(context, { siteMode: 'all-except', sites: ['127.0.0.1'], markStyle: 'underline' });
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('jak-lens'))).toBe(false);
  await setStoredSettings(context, { siteMode: 'all-except', sites: [], markStyle: 'underline' });
  await expect.poll(() => sortedMarks(page)).toEqual(['upadacitinib']);
});

test('on a long page opened scrolled down, the mentions on screen are marked first', async ({ context, pageOrigin }) => {
  const page = await context.newPage();
  await page.goto(`${pageOrigin}/long-scrolled.html`);
  await expect.poll(async () => (await markedTexts(page)).length, { timeout: 15_000 }).toBe(800);
  const frames = await page.evaluate(() => (window as unknown as { __frames: { size: number; onScreen: boolean }[] }).__frames);
  expect(frames[0], 'the first frame with any mark').toMatchObject({ onScreen: true });
  expect(frames[0]!.size, 'and the rest of the page was still being scanned').toBeLessThan(800);
});
