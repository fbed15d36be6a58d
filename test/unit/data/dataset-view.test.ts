import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataset } from '@/src/data/dataset';
import { datasetHtml, datasetMarkdown } from '@/src/data/view/dataset-view';

const root = resolve(import.meta.dirname, '../../..');
const STALE = 'stale: run `npm run data:view` and commit the result';

describe('the generated dataset view', () => {
  it('docs/dataset.md is current', () => {
    expect(readFileSync(resolve(root, 'docs/dataset.md'), 'utf8') === datasetMarkdown(dataset), STALE).toBe(true);
  });

  it('public/dataset.html (shipped in the extension) is current', () => {
    expect(readFileSync(resolve(root, 'public/dataset.html'), 'utf8') === datasetHtml(dataset), STALE).toBe(true);
  });

  it('shows every note and every source of the dataset', () => {
    const md = datasetMarkdown(dataset);
    const html = datasetHtml(dataset);
    for (const drug of dataset.drugs) {
      for (const note of [...drug.profile.notes, ...drug.prophylaxis.items, ...drug.viralRisk.notes]) {
        expect(html).toContain(note.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
      }
    }
    for (const source of dataset.sources) expect(html).toContain(`<p id="${source.id}">`);
    expect(md).toContain(`facts current as of`);
  });

  it('escapes text rather than injecting it as HTML', () => {
    const hostile = structuredClone(dataset);
    hostile.drugs[0]!.profile.notes[0]!.text = '<img src=x onerror=alert(1)>';
    const html = datasetHtml(hostile);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
