import type { Plugin } from 'vite';
import { matchableNames } from '../../src/data/names';

// The scripts injected into pages need only the spellings to look for (the every-frame script) and
// what each one names (the page session), not the names' notes, regions and sources: this
// build-time module hands them both as plain literals, computed from the dataset by the same
// function the rest of JAK Lens uses.

const ID = 'virtual:jak-lens/markable-names';
const RESOLVED = `\0${ID}`;

export function markableNamesPlugin(): Plugin {
  return {
    name: 'jak-lens-markable-names',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load: (id) => {
      if (id !== RESOLVED) return null;
      const names = matchableNames().map(({ text, drugId, kind, canonical }) => ({ text, drugId, kind, canonical }));
      return `export default ${JSON.stringify(names.map((n) => n.text))};\nexport const entries = ${JSON.stringify(names)};\n`;
    },
  };
}
