import { evidenceLabel, sourcesById } from '../data/evidence';
import { sourceLink } from '../data/source-link';
import type { Dataset, Drug, Regulator, Status } from '../data/schema';
import { CitationNumbers } from '../data/citation-numbers';
import { INFECTION_LABEL, KINASES, LEVEL_LABEL, REGULATOR_LABEL, REGULATOR_ORDER, STATUS_LABEL, UNIT_LABEL, capitalise, formatIsoDate } from '../data/labels';

// The six drugs side by side: what a clinician would otherwise assemble from six
// labels. Every cell keeps the sources of what it says. Pure, so the table's
// content is checked against the dataset without a browser.

export interface CellSource {
  id: string;
  /** Its number in the table: sources are numbered in the order the table first cites them, reading row by row. */
  n: number;
  href?: string;
  citation: string;
}

export interface Cell {
  lines: string[];
  sources: CellSource[];
  /** What the cell's facts rest on, and how far they were confirmed when not verified: "news report; secondary source only". */
  provenance?: string;
}

export interface CompareRow {
  id: string;
  label: string;
  cells: Cell[];
}

export interface CompareModel {
  drugs: { id: Drug['id']; name: string }[];
  rows: CompareRow[];
  /** Every source the table cites, in number order. */
  sources: CellSource[];
}


export function buildCompareModel(dataset: Dataset, regulators: readonly Regulator[] = REGULATOR_ORDER): CompareModel {
  const sourceById = sourcesById(dataset.sources);
  const sources = (ids: readonly string[]): CellSource[] =>
    [...new Set(ids)].map((id) => {
      const s = sourceById.get(id);
      const { href, linkNote } = sourceLink(s);
      return { id, n: 0, citation: `${s?.citation ?? id}${linkNote ? ` Link: ${linkNote}` : ''}`, ...(href ? { href } : {}) };
    });
  /** A cell stating `facts`: their sources, the kinds of evidence, and any status short of verified. */
  const cell = (lines: string[], facts: readonly { sources: readonly string[]; status: Status }[] = []): Cell => {
    const ids = facts.flatMap((f) => f.sources);
    const statuses = [...new Set(facts.map((f) => f.status).filter((st) => st !== 'verified'))].map((st) => STATUS_LABEL[st]);
    const allSecondary = facts.length > 0 && facts.every((f) => f.status === 'secondary');
    const evidence = evidenceLabel({ sources: ids, status: allSecondary ? 'secondary' : 'verified' }, sourceById);
    const provenance = [evidence, ...statuses].filter(Boolean).join('; ');
    return { lines, sources: sources(ids), ...(provenance ? { provenance } : {}) };
  };
  const drugs = dataset.drugs;

  const rows: CompareRow[] = [
    {
      id: 'route',
      label: 'Route and class',
      cells: drugs.map((d) => cell([d.profile.routes.join(' and '), d.profile.drugClass], d.profile.notes.slice(0, 1))),
    },
    {
      id: 'selectivity',
      label: 'JAK selectivity',
      cells: drugs.map((d) => {
        const byLevel = (level: keyof typeof LEVEL_LABEL) => KINASES.filter((k) => d.selectivity.levels[k].level === level);
        const lines = (['main', 'also', 'weaker', 'not-reported'] as const)
          .filter((level) => byLevel(level).length)
          .map((level) => `${LEVEL_LABEL[level]}: ${byLevel(level).join(', ')}`);
        const chips = KINASES.map((k) => d.selectivity.levels[k]).flatMap((c) => (c.sources && c.status ? [{ sources: c.sources, status: c.status }] : []));
        return cell(lines, [d.selectivity.summary, ...chips]);
      }),
    },
    ...regulators.map(
      (r): CompareRow => ({
        id: `ad-${r}`,
        label: `Atopic dermatitis: ${REGULATOR_LABEL[r]}`,
        cells: drugs.map((d) => {
          const item = d.approval.atopicDermatitis.items.find((a) => a.regulator === r);
          if (!item) return cell(['no record in the reference']);
          const state = item.state === 'approved' ? 'approved' : 'not approved';
          // The population as it stands now; how it was widened follows as history.
          const history = [
            ...(item.restrictions ? [item.restrictions] : []),
            ...(item.dateNote ? [item.dateNote] : []),
            ...(item.populationAtApproval ? [`At first approval: ${item.populationAtApproval}.`] : []),
            ...(item.extensions ?? []).map((e) => (e.date ? `${formatIsoDate(e.date)}: ${e.text}` : e.text)),
          ];
          return cell([item.date ? `${state} ${formatIsoDate(item.date)}` : state, ...(item.population ? [item.population] : []), ...history], [item, ...(item.extensions ?? [])]);
        }),
      }),
    ),
    {
      // Where the sources disagree about a drug: each topic, with every side's sources (both sides are on the card).
      id: 'conflicts',
      label: 'Sources disagree',
      cells: drugs.map((d) =>
        d.conflicts.length
          ? cell(
              d.conflicts.map((c) => `${c.topic}: ${c.sides.length} positions (see the card). ${c.takeaway}`),
              d.conflicts.flatMap((c) => c.sides),
            )
          : cell(['no conflict recorded in the reference']),
      ),
    },
    {
      id: 'boxed-warning',
      label: 'Boxed warning (US)',
      cells: drugs.map((d) =>
        cell(
          d.boxedWarning.map((b) => `${b.product}: ${b.present ? 'yes' : 'no'}`),
          d.boxedWarning,
        ),
      ),
    },
    {
      id: 'herpes-zoster',
      label: `${INFECTION_LABEL['herpes-zoster']} (rate by dose)`,
      cells: drugs.map((d) => {
        const figures = d.viralRisk.figures.items.filter((f) => f.infection === 'herpes-zoster');
        if (!figures.length) {
          const reason = d.viralRisk.figures.noData?.reason ?? 'No herpes zoster figures in the reference.';
          const noData = d.viralRisk.figures.noData;
          return cell([reason], noData?.sources?.length ? [{ sources: noData.sources, status: 'verified' }] : []);
        }
        // One line per study population and unit: figures are comparable only within one.
        const groups = new Map<string, typeof figures>();
        for (const f of figures) {
          const key = `${f.population}\u0000${f.unit}`;
          groups.set(key, [...(groups.get(key) ?? []), f]);
        }
        const lines = [...groups.values()].map(
          (g) => `${g.map((f) => `${f.arm} ${f.rate}`).join(' · ')} ${UNIT_LABEL[g[0]!.unit]} (${g[0]!.population})`,
        );
        return cell(lines, figures);
      }),
    },
  ];
  const numbers = new CitationNumbers();
  const cited: CellSource[] = [];
  for (const source of rows.flatMap((r) => r.cells.flatMap((c) => c.sources))) {
    const before = numbers.entries().length;
    source.n = numbers.cite([source.id])[0]!;
    if (numbers.entries().length > before) cited.push(source);
  }
  return { drugs: drugs.map((d) => ({ id: d.id, name: capitalise(d.inn) })), rows, sources: cited };
}
