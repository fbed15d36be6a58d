import madge from 'madge';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The folders of src/, lowest first. A folder may import from the folders
// before it and never from one after it, so imports run one way, down:
// the matcher knows nothing of pages, a page reader nothing of cards, and
// only the composition roots (content, background, ui) see everything.
const LAYERS = ['data', 'match', 'settings', 'messaging', 'pdf-routing', 'page', 'paint', 'card', 'lookup', 'compare', 'ui', 'content', 'pdf-viewer', 'background'];

const graph = madge('src', {
  fileExtensions: ['ts', 'tsx'],
  // The "@/" alias as the build resolves it (madge does not follow the tsconfig's "extends" to WXT's paths).
  tsConfig: { compilerOptions: { baseUrl: resolve('.'), paths: { '@/*': ['./*'] } } },
  // Type-only imports count: a cycle of types is still a cycle a reader has to untangle.
  detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
});

describe('imports in src/', () => {
  it('form no cycle', async () => {
    expect((await graph).circular()).toEqual([]);
  });

  it('run down the layers: no folder imports from a folder above it', async () => {
    const upward: string[] = [];
    for (const [file, deps] of Object.entries((await graph).obj())) {
      const from = file.split('/')[0]!;
      for (const dep of deps) {
        const to = dep.split('/')[0]!;
        if (to === from) continue;
        expect(LAYERS, `${file}: a folder the layer list does not name`).toContain(from);
        expect(LAYERS, `${dep}: a folder the layer list does not name`).toContain(to);
        if (LAYERS.indexOf(to) > LAYERS.indexOf(from)) upward.push(`${file} -> ${dep}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('are all found: every import of src/ resolves to a file', async () => {
    const { skipped } = (await graph).warnings();
    // Packages (preact, zod, wxt/…) are not files of src/ and madge leaves them out; nothing else may be missing.
    // Vite's "?inline" imports (the card's stylesheet as a string) are not modules to follow.
    expect(skipped.filter((s) => (s.startsWith('.') || s.startsWith('@/')) && !s.includes('?'))).toEqual([]);
  });
});
