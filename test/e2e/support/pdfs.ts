import { PDFDocument, StandardFonts } from 'pdf-lib';

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
};

async function build(pages: Pages): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([612, 792]);
    lines.forEach((line, i) => page.drawText(line, { x: 72, y: 720 - i * 24, size: 12, font }));
  }
  return pdf.save();
}

const built = new Map<string, Promise<Uint8Array>>();

/** The bytes of a generated PDF by file name, or of a damaged one; null when there is no such fixture. */
export function fixturePdf(name: string): Promise<Uint8Array> | null {
  if (name === 'damaged.pdf') return Promise.resolve(new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not the rest of a PDF\n'));
  if (name === 'not-a-pdf.pdf') return Promise.resolve(new TextEncoder().encode('<!doctype html><title>Sign in</title><p>Please sign in.</p>'));
  const pages = DOCUMENTS[name];
  if (!pages) return null;
  let bytes = built.get(name);
  if (!bytes) built.set(name, (bytes = build(pages)));
  return bytes;
}
