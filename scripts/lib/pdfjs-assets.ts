import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

// The files of pdfjs-dist the PDF viewer loads at run time, shipped byte for byte as the package
// has them (stores compare third-party libraries with their releases), under /pdfjs/ in the
// extension: the library and its worker, the text layer's stylesheet, and the character maps,
// standard fonts, colour profile and image decoders pdf.js would otherwise fetch from the web.

const PACKAGE = resolve(import.meta.dirname, '../../node_modules/pdfjs-dist');
const FILES = ['build/pdf.min.mjs', 'build/pdf.worker.min.mjs', 'web/pdf_viewer.css', 'LICENSE'];
const FOLDERS = ['cmaps', 'standard_fonts', 'wasm', 'iccs'];
/** pdf.js's scripting sandbox: PDF scripts are never run here. */
const LEFT_OUT = /quickjs/i;

export interface ShippedFile {
  absoluteSrc: string;
  relativeDest: string;
}

export function pdfjsAssets(): ShippedFile[] {
  const files = FILES.map((file) => ({ absoluteSrc: join(PACKAGE, file), relativeDest: `pdfjs/${file}` }));
  for (const folder of FOLDERS) {
    for (const name of readdirSync(join(PACKAGE, folder))) {
      if (LEFT_OUT.test(name)) continue;
      files.push({ absoluteSrc: join(PACKAGE, folder, name), relativeDest: `pdfjs/${folder}/${name}` });
    }
  }
  return files;
}
