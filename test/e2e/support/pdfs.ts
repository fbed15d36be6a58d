import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PDFDocument, PDFHexString, PDFName, StandardFonts, beginText, endText, moveText, setFontAndSize, showText, type PDFFont, type PDFPage } from 'pdf-lib';

// The PDFs the viewer is tested on, generated: real documents with a text layer, made the way a
// journal's or a regulator's typesetting would lay out lines of text.

/** Each page's lines, top to bottom. */
type Pages = string[][];

const DOCUMENTS: Record<string, Pages> = {
  // Names on several pages, by generic name, brand and code; a name broken across two lines by a
  // hyphen; a name that must not be marked.
  'names.pdf': [
    ['Janus kinase inhibitors in atopic dermatitis', 'Patients on upadacitinib (Rinvoq) and abrocitinib were followed.', 'deuruxolitinib is another molecule and is not one of the six.'],
    ['Baricitinib (Olumiant) 4 mg once daily.', 'PF-04965842 is the development code of abrocitinib.', 'Two patients switched from tofaci-', 'tinib to another treatment.'],
    ['Nothing on this page names a drug.'],
  ],
  // Forty pages, names on three of them far apart: only the pages near the screen are drawn.
  'long.pdf': Array.from({ length: 40 }, (_, i) => {
    const page = i + 1;
    if (page === 1) return ['A long review. Upadacitinib is named on this first page.'];
    if (page === 20) return ['Page 20. Olumiant is named here, in the middle.'];
    if (page === 40) return ['Page 40. Xeljanz (tofacitinib) is named on the last page.'];
    return [`Page ${page}. Nothing on this page names a drug.`];
  }),
  // A scan: pages with no text at all.
  'scan.pdf': [[], []],
  // A European guideline on A4 paper rather than US Letter: what is printed follows the document.
  'a4.pdf': [['A guideline on A4 paper. Upadacitinib is named on its first page.'], ['Page 2. Nothing on this page names a drug.'], ['Page 3. Baricitinib is named on the last page.']],
};

/** Points; every document is US Letter unless named here. */
const PAGE_SIZES: Record<string, [number, number]> = { 'a4.pdf': [595.28, 841.89] };

/** Text placed where a layout puts it: x and y in points from the page's bottom left. */
interface Placed {
  text: string;
  x: number;
  y: number;
}

const column = (lines: string[], x: number, top = 700): Placed[] => lines.map((text, i) => ({ text, x, y: top - i * 16 }));

// Layouts whose neighbouring pieces of text must never be read as one: two columns whose lines
// share baselines (a name ends a left-column line where the right column's line begins with
// another; "Rin" and "voq" would make a false name if the columns were joined), and a table whose
// cells hold a generic name, a brand and a code side by side.
const LAYOUT: Placed[][] = [
  [
    ...column(['Two columns, as a journal sets them.', 'Eleven patients took baricitinib', 'and none took Rin', 'in the first year.'], 72),
    ...column(['Olumiant was given once daily', 'voq was spelled out in full', 'as Rinvoq in the second year.'], 320, 684),
  ],
  [
    { text: 'Table 1. Names of three JAK inhibitors', x: 72, y: 720 },
    ...[
      ['Generic name', 'Brand', 'Code'],
      ['upadacitinib', 'Rinvoq', 'ABT-494'],
      ['abrocitinib', 'Cibinqo', 'PF-04965842'],
      ['ruxolitinib', 'Opzelura', 'INCB018424'],
    ].flatMap((cells, row) => cells.map((text, cell) => ({ text, x: 72 + cell * 110, y: 690 - row * 20 }))),
  ],
  [
    // Names broken by a hyphen at the end of a column's line, the columns drawn one after the other.
    ...column(['Twelve patients were given upadaci-', 'tinib at 15 mg daily.'], 72),
    ...column(['Three patients took abroci-', 'tinib instead.'], 320),
  ],
];

/** Pages whose text is drawn a column at a time; the others are drawn a row at a time across the page. */
const BY_COLUMN = new Set([2]);

async function buildLayout(pages: Placed[][]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const [n, pieces] of pages.entries()) {
    const page = pdf.addPage([612, 792]);
    // Typesetters emit a page's lines either a column at a time or a row at a time across the page,
    // where a right-column line comes straight after the left-column line on its baseline.
    const order = BY_COLUMN.has(n) ? pieces : [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
    for (const { text, x, y } of order) page.drawText(text, { x, y, size: 11, font });
  }
  return pdf.save();
}

/**
 * A brand set as typesetters do, with the "fi" ligature: "Jakafi" drawn as J-a-k-a and the one
 * glyph named "fi". pdf-lib's fonts only encode single letters, so the font's encoding is given by
 * hand (code 0x80 is the ligature).
 */
async function buildLigature(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([612, 792]);
  const plain: PDFFont = await pdf.embedFont(StandardFonts.Helvetica);
  page.drawText('Ruxolitinib cream is sold as Opzelura; the tablets as', { x: 72, y: 700, size: 12, font: plain });
  const ligatures = pdf.context.register(
    pdf.context.obj({
      Type: 'Font',
      Subtype: 'Type1',
      BaseFont: 'Helvetica',
      Encoding: pdf.context.obj({ Type: 'Encoding', BaseEncoding: 'WinAnsiEncoding', Differences: [0x80, PDFName.of('fi')] }),
    }),
  );
  const name = 'Lig';
  (page as PDFPage).node.setFontDictionary(PDFName.of(name), ligatures);
  page.pushOperators(beginText(), setFontAndSize(name, 12), moveText(72, 680), showText(PDFHexString.of('4A616B6180')), endText());
  return pdf.save();
}

async function build(pages: Pages, size: [number, number] = [612, 792]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage(size);
    lines.forEach((line, i) => page.drawText(line, { x: 72, y: size[1] - 72 - i * 24, size: 12, font }));
  }
  return pdf.save();
}

const built = new Map<string, Promise<Uint8Array>>();

/** The bytes of a generated PDF by file name, or of a damaged one; null when there is no such fixture. */
export function fixturePdf(name: string): Promise<Uint8Array> | null {
  if (name === 'damaged.pdf') return Promise.resolve(new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not the rest of a PDF\n'));
  // pdf-lib cannot encrypt: this one was made from a one-page pdf-lib PDF by qpdf
  // (`qpdf --encrypt reader owner 256 -- plain.pdf protected.pdf`; user password "reader").
  if (name === 'protected.pdf') return readFile(resolve(import.meta.dirname, 'protected.pdf'));
  if (name === 'not-a-pdf.pdf') return Promise.resolve(new TextEncoder().encode('<!doctype html><title>Sign in</title><p>Please sign in.</p>'));
  const make = name === 'layout.pdf' ? () => buildLayout(LAYOUT) : name === 'ligature.pdf' ? buildLigature : DOCUMENTS[name] ? () => build(DOCUMENTS[name]!, PAGE_SIZES[name]) : null;
  if (!make) return null;
  let bytes = built.get(name);
  if (!bytes) built.set(name, (bytes = make()));
  return bytes;
}
