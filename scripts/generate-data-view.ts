// Writes the human-readable dataset view: docs/dataset.md for reviewers and
// public/dataset.html, which ships inside the extension ("About the data").
// Run after any change to src/data/dataset: `npm run data:view`.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dataset } from '../src/data/dataset';
import { datasetHtml, datasetMarkdown } from '../src/data/view/dataset-view';

const root = resolve(import.meta.dirname, '..');
writeFileSync(resolve(root, 'docs/dataset.md'), datasetMarkdown(dataset));
writeFileSync(resolve(root, 'public/dataset.html'), datasetHtml(dataset));
console.log('wrote docs/dataset.md and public/dataset.html');
