import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// A file of code over 300 lines is harder to take in at once than it should be: it is split by job,
// or it says at its top why it is one piece. The dataset's JSON files are exempt (JSON has no
// comments): each holds one drug's facts, or the one list of sources, as the reference gives them.

const LIMIT = 300;
const root = join(import.meta.dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('files in src/', () => {
  it(`over ${LIMIT} lines are data, or begin with a comment saying why they are one piece`, () => {
    const unexplained = files(root)
      .filter((f) => /\.(ts|tsx|css)$/.test(f))
      .filter((f) => {
        const text = readFileSync(f, 'utf8');
        return text.split('\n').length > LIMIT && !/^\s*(\/\/|\/\*)/.test(text);
      })
      .map((f) => relative(root, f));
    expect(unexplained).toEqual([]);
    const largeJson = files(root)
      .filter((f) => f.endsWith('.json') && readFileSync(f, 'utf8').split('\n').length > LIMIT)
      .map((f) => relative(root, f));
    for (const f of largeJson) expect(f).toMatch(/^data\/dataset\//);
  });
});
