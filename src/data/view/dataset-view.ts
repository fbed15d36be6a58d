import type { Conflict, Dataset, Drug, Note, Source } from '../schema';
import {
  EVIDENCE_LABEL,
  GRADE_LABEL,
  INFECTION_LABEL,
  KINASES,
  NAME_KIND_LABEL,
  REGULATOR_LABEL,
  STATUS_LABEL,
  UNIT_LABEL,
  formatIsoDate,
  generationLabel,
} from '../labels';
import { evidenceLabel, sourcesById } from '../evidence';
import { toHtml, toMarkdown, type Block, type Inline } from './blocks';

// The human-readable view of the whole dataset: every note with its citation.
// scripts/generate-data-view.ts writes it to docs/dataset.md and
// public/dataset.html; a unit test fails when those files are stale.

interface Sourced {
  sources: string[];
  status: 'verified' | 'secondary' | 'seed-only';
}

type Cite = (thing: Sourced, brackets?: boolean) => Inline[];

/** " [S3, S4]" plus the evidence kind (from the sources) and, when not verified, the status. */
function citer(dataset: Dataset): Cite {
  const sources = sourcesById(dataset.sources);
  return (thing, brackets = true) => {
    const parts: Inline[] = brackets ? [' ['] : [];
    thing.sources.forEach((id, i) => {
      if (i) parts.push(', ');
      parts.push({ text: id, href: `#${id}` });
    });
    if (brackets) parts.push(']');
    const labels = [evidenceLabel(thing, sources), thing.status === 'verified' ? undefined : STATUS_LABEL[thing.status]].filter(Boolean);
    if (labels.length) parts.push(` (${labels.join('; ')})`);
    return parts;
  };
}

const noteItemWith = (cite: Cite) => (note: Note): Inline[] => {
  const where = note.regulator ? `${REGULATOR_LABEL[note.regulator]}: ` : '';
  return [where + note.text, ...cite(note)];
};

function conflictBlocks(cite: Cite, conflict: Conflict): Block[] {
  return [
    { type: 'paragraph', parts: [`Conflict: ${conflict.topic}`] },
    {
      type: 'list',
      items: [
        ...conflict.sides.map((side, i): Inline[] => [`Position ${i + 1}: ${side.position}`, ...cite(side)]),
        [`What to take from it: ${conflict.takeaway}`],
      ],
    },
  ];
}

function sectionOrNoData<T>(cite: Cite, section: { items: T[]; noData?: { reason: string; sources?: string[] } }, render: (items: T[]) => Block[]): Block[] {
  if (section.items.length) return render(section.items);
  const reason = section.noData?.reason ?? 'No data.';
  const sources = section.noData?.sources;
  return [{ type: 'paragraph', parts: [`No data: ${reason}`, ...(sources?.length ? cite({ sources, status: 'verified' }) : [])] }];
}

function drugBlocks(drug: Drug, dataset: Dataset, cite: Cite): Block[] {
  const noteItem = noteItemWith(cite);
  const blocks: Block[] = [{ type: 'heading', level: 2, text: drug.inn[0]!.toUpperCase() + drug.inn.slice(1), id: drug.id }];

  blocks.push({ type: 'heading', level: 3, text: 'Names' });
  blocks.push({
    type: 'table',
    head: ['Name', 'Kind', 'Where / language', 'Note', 'Source'],
    rows: drug.names.map((n) => [
      [[n.text, ...(n.variants ?? [])].join(', ')],
      [NAME_KIND_LABEL[n.kind] + (n.match === false ? ' (not marked on pages)' : '')],
      [[...(n.regions ?? []), ...(n.lang ? [n.lang] : [])].join(', ')],
      [n.note ?? ''],
      cite(n, false),
    ]),
  });

  const p = drug.profile;
  blocks.push({ type: 'heading', level: 3, text: 'What it is' });
  blocks.push({ type: 'paragraph', parts: [`${p.drugClass}; ${generationLabel(p.generation)}; ${p.routes.join(' and ')}.`] });
  blocks.push({ type: 'list', items: p.notes.map(noteItem) });
  blocks.push({ type: 'paragraph', parts: ['Dosing'] });
  blocks.push(...sectionOrNoData(cite, p.dosing, (items) => [{ type: 'list', items: items.map(noteItem) }]));

  const s = drug.selectivity;
  blocks.push({ type: 'heading', level: 3, text: 'Selectivity' });
  blocks.push({
    type: 'list',
    items: KINASES.map((k): Inline[] => {
      const chip = s.levels[k];
      return [`${k}: ${chip.level}`, ...(chip.sources && chip.status ? cite({ sources: chip.sources, status: chip.status }) : [])];
    }),
  });
  blocks.push({ type: 'list', items: [noteItem(s.summary), ...s.notes.map(noteItem)] });
  for (const assay of s.assays) {
    blocks.push({ type: 'paragraph', parts: [assay.assay, ...cite(assay)] });
    blocks.push({
      type: 'table',
      head: ['Kinase', 'Value', 'Measure'],
      rows: assay.figures.map((f) => [[f.kinase], [f.value], [f.measure === 'ic50' ? 'IC50' : 'fold selectivity for JAK1']]),
    });
  }
  if (!s.assays.length) blocks.push({ type: 'paragraph', parts: ['No verified IC50 or fold-selectivity figures.'] });
  blocks.push({ type: 'paragraph', parts: [`Caveat: ${dataset.caveats.selectivity}`] });

  const a = drug.approval;
  blocks.push({ type: 'heading', level: 3, text: 'Approval status' });
  blocks.push({ type: 'paragraph', parts: ['Atopic dermatitis'] });
  blocks.push(
    ...sectionOrNoData(cite, a.atopicDermatitis, (items) => [
      {
        type: 'table',
        head: ['Regulator', 'Status', 'Date', 'Population', 'Restrictions and notes', 'Source'],
        rows: items.map((ad) => [
          [REGULATOR_LABEL[ad.regulator] + (ad.product ? ` (${ad.product})` : '')],
          [ad.state === 'approved' ? 'approved' : 'not approved'],
          [[ad.date ? formatIsoDate(ad.date) : '', ad.dateNote ?? ''].filter(Boolean).join('. ')],
          [ad.population ?? ''],
          [
            [ad.restrictions ?? '', ...(ad.extensions ?? []).map((e) => `${e.date ? `${formatIsoDate(e.date)}: ` : ''}${e.text}`)]
              .filter(Boolean)
              .join(' '),
            ...(ad.extensions ?? []).flatMap((e) => cite(e)),
          ],
          cite(ad, false),
        ]),
      },
    ]),
  );
  blocks.push({ type: 'paragraph', parts: ['Other indications'] });
  blocks.push(
    ...sectionOrNoData(cite, a.otherIndications, (items) => [
      {
        type: 'table',
        head: ['Regulator', 'Indication', 'Date', 'Source'],
        rows: items.map((i) => [
          [REGULATOR_LABEL[i.regulator] + (i.product ? ` (${i.product})` : '')],
          [i.indication + (i.detail ? `. ${i.detail}` : '')],
          [i.date ? formatIsoDate(i.date) : ''],
          cite(i, false),
        ]),
      },
    ]),
  );
  if (a.notes.length) blocks.push({ type: 'list', items: a.notes.map(noteItem) });

  blocks.push({ type: 'heading', level: 3, text: 'Boxed warning (US)' });
  blocks.push({
    type: 'list',
    items: drug.boxedWarning.map((b) => [`${b.product}: ${b.present ? 'yes' : 'no'}. ${b.covers}`, ...cite(b)]),
  });

  const v = drug.viralRisk;
  blocks.push({ type: 'heading', level: 3, text: 'Viral-infection risk' });
  blocks.push(
    ...sectionOrNoData(cite, v.figures, (items) => [
      {
        type: 'table',
        head: ['Infection', 'Arm', 'Rate', 'Unit', 'Population', 'Source'],
        rows: items.map((f) => [[INFECTION_LABEL[f.infection]], [f.arm], [f.rate], [UNIT_LABEL[f.unit]], [f.population], cite(f, false)]),
      },
    ]),
  );
  if (v.notes.length) blocks.push({ type: 'list', items: v.notes.map(noteItem) });
  blocks.push({ type: 'paragraph', parts: [`Caveat: ${dataset.caveats.crossTrial}`] });

  blocks.push({ type: 'heading', level: 3, text: 'Prophylaxis and screening' });
  blocks.push(...sectionOrNoData(cite, drug.prophylaxis, (items) => [{ type: 'list', items: items.map(noteItem) }]));

  for (const conflict of drug.conflicts) blocks.push(...conflictBlocks(cite, conflict));
  return blocks;
}

function sourceItem(source: Source): Inline[] {
  const about = [GRADE_LABEL[source.grade], ...(source.kind ? [EVIDENCE_LABEL[source.kind]] : []), ...(source.year ? [source.year] : [])].join(', ');
  const parts: Inline[] = [`${source.id} (${about}). ${source.citation}`];
  if (source.doi) parts.push(' doi:', { text: source.doi, href: `https://doi.org/${source.doi}` });
  for (const link of source.links ?? []) parts.push(' ', { text: link, href: link });
  if (source.linkNote) parts.push(` (${source.linkNote})`);
  return parts;
}

export function datasetViewBlocks(dataset: Dataset): Block[] {
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: 'JAK Lens: the bundled reference' },
    {
      type: 'paragraph',
      parts: [
        `Dataset version ${dataset.version}; facts current as of ${formatIsoDate(dataset.factsCurrentAsOf)}. `,
        'Every note below is what JAK Lens can show on a card, with its sources in brackets, the kind of evidence, and, where a fact is not independently verified, how far it was confirmed. ',
        'This page is generated from the data by scripts/generate-data-view.ts; do not edit it by hand.',
      ],
    },
    {
      type: 'paragraph',
      parts: ['A reading aid, not a substitute for the prescribing information of your country or for clinical judgement.'],
    },
    { type: 'list', items: dataset.drugs.map((d): Inline[] => [{ text: d.inn, href: `#${d.id}` }]) },
  ];
  const cite = citer(dataset);
  const noteItem = noteItemWith(cite);
  for (const drug of dataset.drugs) blocks.push(...drugBlocks(drug, dataset, cite));

  blocks.push({ type: 'heading', level: 2, text: 'The whole class', id: 'class' });
  const sections: [string, Note[]][] = [
    ['Approval', dataset.classNotes.approval],
    ['Boxed warnings', dataset.classNotes.boxedWarning],
    ['Viral-infection risk', dataset.classNotes.viralRisk],
    ['Prophylaxis and screening', dataset.classNotes.prophylaxis],
  ];
  for (const [title, notes] of sections) {
    blocks.push({ type: 'heading', level: 3, text: title });
    blocks.push({ type: 'list', items: notes.map(noteItem) });
  }
  blocks.push({ type: 'heading', level: 3, text: 'Conflicts' });
  for (const conflict of dataset.classConflicts) blocks.push(...conflictBlocks(cite, conflict));

  blocks.push({ type: 'heading', level: 2, text: 'Sources', id: 'sources' });
  blocks.push({ type: 'paragraph', parts: ['Links are where the facts were read; some are mirrors of the canonical page.'] });
  for (const source of dataset.sources) blocks.push({ type: 'paragraph', parts: sourceItem(source), id: source.id });
  return blocks;
}

const VIEW_CSS = `
:root { color-scheme: light dark; font: 15px/1.5 system-ui, sans-serif; }
body { margin: 0; background: Canvas; color: CanvasText; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h2 { border-top: 1px solid color-mix(in srgb, CanvasText 25%, transparent); padding-top: 1rem; margin-top: 2rem; }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
th, td { border: 1px solid color-mix(in srgb, CanvasText 25%, transparent); padding: 0.3rem 0.45rem; vertical-align: top; text-align: left; }
a { overflow-wrap: anywhere; }
`;

export function datasetMarkdown(dataset: Dataset): string {
  return toMarkdown(datasetViewBlocks(dataset));
}

export function datasetHtml(dataset: Dataset): string {
  // Sources open in a new tab: the page is opened from the extension and should stay put.
  return toHtml(datasetViewBlocks(dataset), 'JAK Lens: the bundled reference', VIEW_CSS).replace(
    /<a href="(https?:[^"]+)">/g,
    '<a href="$1" target="_blank" rel="noopener noreferrer">',
  );
}
