import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Drug } from '../../../src/data/schema';

// The bundled data, read from its files (Playwright's loader cannot import JSON modules).
const DATA = resolve(import.meta.dirname, '../../../src/data/dataset');

export function drugData(id: string): Omit<Drug, 'names'> {
  return JSON.parse(readFileSync(resolve(DATA, 'drugs', `${id}.json`), 'utf8')) as Omit<Drug, 'names'>;
}
