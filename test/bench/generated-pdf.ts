import { PDFDocument, StandardFonts } from 'pdf-lib';

// The benchmark's long document: a 300-page review set like a journal's, two or three names a page
// on most pages, so every part of the viewer (drawing, marking, reading the whole document) has work.

const NAMES = ['upadacitinib', 'Rinvoq', 'abrocitinib', 'Cibinqo', 'baricitinib', 'Olumiant', 'ruxolitinib', 'Opzelura', 'tofacitinib', 'Xeljanz', 'delgocitinib', 'Anzupgo'];
const FILLER = [
  'The cohort was followed for adverse events, laboratory changes and patient-reported outcomes,',
  'with visits every four weeks and a safety review at each interim analysis of the study period.',
  'Herpes zoster, herpes simplex and eczema herpeticum were recorded as events of special interest,',
  'and rates are given per 100 patient-years with their confidence intervals in the tables below.',
];

/** A PDF of `pages` pages of 46 lines each, and how many names it carries. */
export async function generatedPdf(pages = 300): Promise<{ bytes: Uint8Array; mentions: number }> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  let mentions = 0;
  for (let p = 0; p < pages; p++) {
    const page = pdf.addPage([612, 792]);
    page.drawText(`Page ${p + 1}`, { x: 72, y: 750, size: 9, font });
    for (let line = 0; line < 46; line++) {
      let text = FILLER[(p + line) % FILLER.length]!;
      // Names on most pages, never on every fifth.
      if (p % 5 !== 4 && line % 17 === 3) {
        text = `Patients on ${NAMES[(p * 3 + line) % NAMES.length]} were reviewed at each visit of the study.`;
        mentions++;
      }
      page.drawText(text, { x: 72, y: 720 - line * 14, size: 11, font });
    }
  }
  return { bytes: await pdf.save(), mentions };
}
