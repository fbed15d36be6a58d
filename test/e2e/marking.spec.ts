import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { test, expect } from './fixtures';
import { markedTexts } from './support/marks';
import { QUIET_NETWORK_ARGS, findChromium, sandboxArgs } from '../../scripts/lib/chromium.mjs';

const expected = JSON.parse(readFileSync(resolve(import.meta.dirname, 'pages/mentions.json'), 'utf8')) as { marked: string[] };

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

test('on a long page opened scrolled down, the mentions on screen are marked first', async ({ context, pageOrigin }) => {
  const page = await context.newPage();
  await page.goto(`${pageOrigin}/long-scrolled.html`);
  await expect.poll(async () => (await markedTexts(page)).length, { timeout: 15_000 }).toBe(800);
  const frames = await page.evaluate(() => (window as unknown as { __frames: { size: number; onScreen: boolean }[] }).__frames);
  expect(frames[0], 'the first frame with any mark').toMatchObject({ onScreen: true });
  expect(frames[0]!.size, 'and the rest of the page was still being scanned').toBeLessThan(800);
});
