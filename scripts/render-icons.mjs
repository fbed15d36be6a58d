// Renders docs/icon/icon.svg to the PNG sizes the manifest uses. Run by hand
// after changing the SVG: `node scripts/render-icons.mjs`.
import { chromium } from '@playwright/test';
import { readFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { findChromium, QUIET_NETWORK_ARGS, sandboxArgs } from './lib/chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(resolve(root, 'docs/icon/icon.svg'), 'utf8');
const found = await findChromium();
if (!found.path) throw new Error(found.help);
const browser = await chromium.launch({ executablePath: found.path, args: [...QUIET_NETWORK_ARGS, ...sandboxArgs()] });
const page = await browser.newPage();
mkdirSync(resolve(root, 'public/icon'), { recursive: true });
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  await page.screenshot({ path: resolve(root, `public/icon/${size}.png`), omitBackground: true });
}
await browser.close();
console.log('icons written to public/icon/');
