import type { Conflict, Kinase, Note, Regulator, Source } from '../data/schema';
import { evidenceLabel, sourcesById } from '../data/evidence';
import { sourceLink } from '../data/source-link';
import {
  capitalise,
  INFECTION_LABEL,
  KINASES,
  LEVEL_LABEL,
  NAME_KIND_LABEL,
  REGULATOR_LABEL,
  REGULATOR_ORDER,
  STATUS_LABEL,
  UNIT_LABEL,
  formatIsoDate,
  generationLabel,
} from '../data/labels';
import type { CardSection } from '../settings/choices';
import type { Settings } from '../settings/settings';
import type { CardData } from '../data/card-data';
import { CitationNumbers } from '../data/citation-numbers';

// What a card says, worked out apart from how it looks: which notes, in which
// order, under which section, with which numbered sources. The view only draws
// this, so the rules (regulator filter, hidden sections, numbering) are tested
// without a browser.

/** Why a note deserves a second look, shown beside it. */
export interface Provenance {
  refs: number[];
  evidence?: string;
  status?: string;
}

export type Item =
  | { kind: 'note'; text: string; prefix?: string; suffix?: string; from: Provenance }
  | { kind: 'levels'; levels: { kinase: Kinase; level: keyof typeof LEVEL_LABEL; label: string; from?: Provenance }[] }
  | { kind: 'assay'; title: string; figures: { kinase: Kinase; value: string; measure: string }[]; from: Provenance }
  | { kind: 'approval'; regulator: string; product?: string; approved: boolean; date?: string; population?: string; from: Provenance }
  | { kind: 'figures'; infection: string; population: string; unit: string; rows: { arm: string; rate: string }[]; from: Provenance }
  | { kind: 'boxed'; product: string; present: boolean; covers: string; from: Provenance }
  | { kind: 'conflict'; topic: string; sides: { position: string; from: Provenance }[]; takeaway: string }
  | { kind: 'caveat'; text: string }
  | { kind: 'heading'; text: string };

export interface CardSectionModel {
  id: Exclude<CardSection, 'sources'>;
  title: string;
  /** Shown at once: the line a clinician needs first. */
  summary: Item[];
  /** Shown on expand. */
  details: Item[];
}

export interface SourceEntry {
  n: number;
  id: string;
  citation: string;
  grade: Source['grade'];
  /** Where to read it: the DOI when there is one, else the first link. */
  href?: string;
  /** What that link is, when it is not the document's own page. */
  linkNote?: string;
}

export interface CardModel {
  drugId: string;
  title: string;
  /** The name as the page wrote it (when it is not the generic name), its kind, and how far the reference confirmed it. */
  asWritten?: { text: string; kind: string; regions?: string; note?: string; status?: string };
  profile: string;
  factsAsOf: string;
  sections: CardSectionModel[];
  sources: SourceEntry[];
}

export type CardOptions = Pick<Settings, 'sections' | 'regulators'> & {
  /** The mention as written on the page, and the dataset name the matcher or the lookup read it as. */
  asWritten?: { text: string; name: string };
};

/** Numbers sources in the order the card first cites them; none when the Sources section is hidden. */
class Citations extends CitationNumbers {
  constructor(private readonly enabled: boolean) {
    super();
  }

  override cite(ids: readonly string[]): number[] {
    return this.enabled ? super.cite(ids) : [];
  }
}

export function buildCardModel(data: CardData, options: CardOptions): CardModel {
  const { drug } = data;
  const citations = new Citations(options.sections.sources);
  const shownRegulators = new Set<Regulator>(options.regulators);
  const regulatorShown = (r: Regulator | undefined) => r === undefined || shownRegulators.has(r);
  const byRegulator = <T extends { regulator: Regulator }>(items: T[]) =>
    items.filter((i) => shownRegulators.has(i.regulator)).sort((a, b) => REGULATOR_ORDER.indexOf(a.regulator) - REGULATOR_ORDER.indexOf(b.regulator));

  const sourceMap = sourcesById(data.sources);
  const from = (thing: { sources: string[]; status: keyof typeof STATUS_LABEL }): Provenance => {
    const evidence = evidenceLabel(thing, sourceMap);
    return {
      refs: citations.cite(thing.sources),
      ...(evidence ? { evidence } : {}),
      ...(thing.status === 'verified' ? {} : { status: STATUS_LABEL[thing.status] }),
    };
  };
  const notes = (list: Note[]): Item[] =>
    list
      .filter((n) => regulatorShown(n.regulator))
      .map((n) => ({ kind: 'note', text: n.text, ...(n.regulator ? { prefix: REGULATOR_LABEL[n.regulator] } : {}), from: from(n) }));
  const conflicts = (list: Conflict[]): Item[] =>
    list.map((c) => ({ kind: 'conflict', topic: c.topic, sides: c.sides.map((s) => ({ position: s.position, from: from(s) })), takeaway: c.takeaway }));
  const allConflicts = [...drug.conflicts, ...data.classConflicts];
  const conflictsIn = (...categories: Conflict['category'][]) => conflicts(allConflicts.filter((c) => categories.includes(c.category)));
  const noData = (section: { noData?: { reason: string; sources?: string[] } }): Item[] =>
    section.noData
      ? [{ kind: 'note', text: section.noData.reason, from: { refs: citations.cite(section.noData.sources ?? []) } }]
      : [];

  // Sections are built in display order so the source numbers read 1, 2, 3 down the card.
  const sections: CardSectionModel[] = [];
  const want = options.sections;

  if (want.selectivity) {
    const s = drug.selectivity;
    sections.push({
      id: 'selectivity',
      title: 'JAK selectivity',
      summary: [
        {
          kind: 'levels',
          levels: KINASES.map((k) => {
            const chip = s.levels[k];
            const sourced = chip.sources && chip.status ? { from: from({ sources: chip.sources, status: chip.status }) } : {};
            return { kinase: k, level: chip.level, label: LEVEL_LABEL[chip.level], ...sourced };
          }),
        },
        ...notes([s.summary]),
      ],
      details: [
        ...s.assays.map(
          (a): Item => ({
            kind: 'assay',
            title: a.assay,
            figures: a.figures.map((f) => ({ kinase: f.kinase, value: f.value, measure: f.measure === 'ic50' ? 'IC50' : 'fold selectivity for JAK1' })),
            from: from(a),
          }),
        ),
        ...(s.assays.length ? [] : [{ kind: 'note', text: 'No verified IC50 or fold-selectivity figures in the bundled reference.', from: { refs: [] } } as Item]),
        ...notes(s.notes),
        ...conflictsIn('selectivity'),
        { kind: 'caveat', text: data.caveats.selectivity },
      ],
    });
  }

  if (want.approval) {
    const a = drug.approval;
    const ad = byRegulator(a.atopicDermatitis.items);
    const adLines: Item[] = ad.map((x) => ({
      kind: 'approval',
      regulator: REGULATOR_LABEL[x.regulator],
      ...(x.product ? { product: x.product } : {}),
      approved: x.state === 'approved',
      ...(x.date ? { date: formatIsoDate(x.date) } : {}),
      ...(x.population ? { population: x.population } : {}),
      from: from(x),
    }));
    // Built in display order, so the details' source numbers follow the summary's.
    const productNotes = notes(drug.profile.notes);
    const adDetails: Item[] = ad.flatMap((x) => {
      const prefix = REGULATOR_LABEL[x.regulator];
      const out: Item[] = [];
      if (x.restrictions) out.push({ kind: 'note', prefix, text: x.restrictions, from: from(x) });
      if (x.dateNote) out.push({ kind: 'note', prefix, text: x.dateNote, from: from(x) });
      if (x.populationAtApproval) out.push({ kind: 'note', prefix, text: `At first approval${x.date ? ` (${formatIsoDate(x.date)})` : ''}: ${x.populationAtApproval}.`, from: from(x) });
      for (const e of x.extensions ?? []) out.push({ kind: 'note', prefix, text: e.date ? `${formatIsoDate(e.date)}: ${e.text}` : e.text, from: from(e) });
      return out;
    });
    const summary: Item[] = [{ kind: 'heading', text: 'Atopic dermatitis' }];
    if (adLines.length) summary.push(...adLines);
    else if (a.atopicDermatitis.items.length) summary.push({ kind: 'note', text: 'No atopic dermatitis approval recorded for the regulators chosen in the options.', from: { refs: [] } });
    else summary.push(...noData(a.atopicDermatitis));
    const other = byRegulator(a.otherIndications.items);
    sections.push({
      id: 'approval',
      title: 'Approval status',
      summary,
      details: [
        // What the product is (forms, strengths, what it is and is not approved for) comes first.
        { kind: 'heading', text: 'The product' },
        ...productNotes,
        ...adDetails,
        { kind: 'heading', text: 'Other indications' },
        ...(other.length
          ? other.map(
              (i): Item => ({
                kind: 'note',
                prefix: REGULATOR_LABEL[i.regulator] + (i.product ? ` (${i.product})` : ''),
                text: i.detail ? `${i.indication}. ${i.detail}` : i.indication,
                ...(i.date ? { suffix: `approved ${formatIsoDate(i.date)}` } : {}),
                from: from(i),
              }),
            )
          : a.otherIndications.items.length
            ? [{ kind: 'note', text: 'None recorded for the regulators chosen in the options.', from: { refs: [] } } as Item]
            : noData(a.otherIndications)),
        ...(drug.profile.dosing.items.some((n) => regulatorShown(n.regulator))
          ? [{ kind: 'heading', text: 'Dosing' } as Item, ...notes(drug.profile.dosing.items)]
          : drug.profile.dosing.items.length === 0
            ? [{ kind: 'heading', text: 'Dosing' } as Item, ...noData(drug.profile.dosing)]
            : []),
        ...notes(a.notes),
        ...notes(data.classNotes.approval),
        ...conflictsIn('approval', 'profile', 'names'),
      ],
    });
  }

  if (want.boxedWarning) {
    sections.push({
      id: 'boxedWarning',
      title: 'Boxed warning (US)',
      summary: drug.boxedWarning.map((b): Item => ({ kind: 'boxed', product: b.product, present: b.present, covers: b.covers, from: from(b) })),
      details: [...notes(data.classNotes.boxedWarning), ...conflictsIn('boxed-warning')],
    });
  }

  if (want.viralRisk) {
    const v = drug.viralRisk;
    // One line per study population, infection and unit: figures are only comparable within one.
    const groups = new Map<string, Extract<Item, { kind: 'figures' }>>();
    for (const f of v.figures.items) {
      const key = `${f.infection}\u0000${f.population}\u0000${f.unit}\u0000${f.sources.join(',')}`;
      let group = groups.get(key);
      if (!group) {
        group = { kind: 'figures', infection: INFECTION_LABEL[f.infection], population: f.population, unit: UNIT_LABEL[f.unit], rows: [], from: from(f) };
        groups.set(key, group);
      }
      group.rows.push({ arm: f.arm, rate: f.rate });
    }
    const order: string[] = Object.values(INFECTION_LABEL);
    const figureItems = [...groups.values()].sort((a, b) => order.indexOf(a.infection) - order.indexOf(b.infection));
    sections.push({
      id: 'viralRisk',
      title: 'Viral-infection risk',
      summary: figureItems.length ? [...figureItems, { kind: 'caveat', text: data.caveats.crossTrial }] : noData(v.figures),
      details: [...notes(v.notes), ...notes(data.classNotes.viralRisk), ...conflictsIn('viral-risk')],
    });
  }

  if (want.prophylaxis) {
    const p = drug.prophylaxis;
    sections.push({
      id: 'prophylaxis',
      title: 'Prophylaxis and screening',
      summary: p.items.length ? notes(p.items) : noData(p),
      details: [...notes(data.classNotes.prophylaxis), ...conflictsIn('prophylaxis')],
    });
  }

  const sources: SourceEntry[] = citations.entries().map(([id, n]) => {
    const s = sourceMap.get(id);
    return { n, id, citation: s?.citation ?? id, grade: s?.grade ?? 'secondary', ...sourceLink(s) };
  });

  const written = options.asWritten?.text.trim();
  const name = drug.names.find((n) => n.text === options.asWritten?.name);
  const p = drug.profile;
  return {
    drugId: drug.id,
    title: capitalise(drug.inn),
    ...(written && written.toLowerCase() !== drug.inn.toLowerCase()
      ? {
          asWritten: {
            text: written,
            kind: name ? NAME_KIND_LABEL[name.kind] : 'name on the page',
            ...(name?.regions?.length ? { regions: name.regions.join(', ') } : {}),
            ...(name?.note ? { note: name.note } : {}),
            ...(name && name.status !== 'verified' ? { status: STATUS_LABEL[name.status] } : {}),
          },
        }
      : {}),
    profile: `${p.drugClass} · ${p.routes.join(' and ')} · ${generationLabel(p.generation)}`,
    factsAsOf: formatIsoDate(data.factsCurrentAsOf),
    sections,
    sources,
  };
}
