// The benchmarks' huge page: long enough that any work done in one piece shows as a long task.

/** A ~5 MB article with thousands of mentions, some split by inline markup. */
export function generatedPage(): { html: string; mentions: number } {
  const names = ['upadacitinib', 'Rinvoq', 'abrocitinib', 'Cibinqo', 'baricitinib', 'Olumiant', 'ruxolitinib', 'Opzelura', 'tofacitinib', 'Xeljanz', 'delgocitinib', 'Anzupgo'];
  const filler =
    'The cohort was followed for adverse events, laboratory changes and patient-reported outcomes across the study period, with visits every four weeks and a safety review at each interim analysis. ';
  const parts: string[] = ['<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Generated long review</title></head><body><main>'];
  let size = 0;
  let mentions = 0;
  for (let i = 0; size < 5_000_000; i++) {
    const name = names[i % names.length]!;
    const mention = i % 3 === 0 ? `<b>${name.slice(0, 4)}</b>${name.slice(4)}` : name;
    const p = `<p>${filler}${i % 2 === 0 ? `Patients on ${mention} were reviewed. ` : ''}${filler}</p>\n`;
    if (i % 2 === 0) mentions++;
    if (i % 50 === 0) parts.push(`<h2>Section ${i / 50 + 1}</h2>`);
    parts.push(p);
    size += p.length;
  }
  parts.push('</main></body></html>');
  return { html: parts.join(''), mentions };
}

