import { describe, expect, it } from 'vitest';
import { buildCompareModel } from '@/src/compare/compare-model';
import { dataset } from '@/src/data/dataset';
import { REGULATOR_LABEL } from '@/src/data/labels';

const model = buildCompareModel(dataset);
const row = (id: string) => model.rows.find((r) => r.id === id)!;
const drugIndex = (id: string) => model.drugs.findIndex((d) => d.id === id);

describe('the comparison of the six drugs', () => {
  it('has one column per drug, in the dataset order', () => {
    expect(model.drugs.map((d) => d.id)).toEqual(dataset.drugs.map((d) => d.id));
  });

  it('shows each drug\'s route and class, and its selectivity by kinase', () => {
    for (const drug of dataset.drugs) {
      const i = drugIndex(drug.id);
      expect(row('route').cells[i]!.lines).toEqual([drug.profile.routes.join(' and '), drug.profile.drugClass]);
      const main = Object.entries(drug.selectivity.levels).filter(([, l]) => l.level === 'main').map(([k]) => k);
      expect(row('selectivity').cells[i]!.lines[0]).toBe(`main target: ${main.join(', ')}`);
    }
  });

  it('shows atopic dermatitis approval per regulator exactly as the dataset has it, and "no record" where it has none', () => {
    for (const drug of dataset.drugs) {
      for (const r of ['us-fda', 'eu-ec', 'jp-mhlw'] as const) {
        const c = row(`ad-${r}`).cells[drugIndex(drug.id)]!;
        const item = drug.approval.atopicDermatitis.items.find((a) => a.regulator === r);
        if (!item) expect(c.lines).toEqual(['no record in the reference']);
        else {
          expect(c.lines[0]!.startsWith(item.state === 'approved' ? 'approved' : 'not approved')).toBe(true);
          // The approval's own sources, then those of its extensions (shown as history in the same cell).
          expect(c.sources.map((s) => s.id)).toEqual([...new Set([...item.sources, ...(item.extensions ?? []).flatMap((e) => e.sources)])]);
        }
      }
    }
    expect(row('ad-us-fda').label).toBe(`Atopic dermatitis: ${REGULATOR_LABEL['us-fda']}`);
  });

  it('lists only the chosen regulators', () => {
    const eu = buildCompareModel(dataset, ['eu-ec']);
    expect(eu.rows.filter((r) => r.id.startsWith('ad-')).map((r) => r.id)).toEqual(['ad-eu-ec']);
  });

  it('shows boxed warnings per product and herpes zoster rates as printed, with dose, unit and population', () => {
    for (const drug of dataset.drugs) {
      const i = drugIndex(drug.id);
      expect(row('boxed-warning').cells[i]!.lines).toEqual(drug.boxedWarning.map((b) => `${b.product}: ${b.present ? 'yes' : 'no'}`));
      const hz = drug.viralRisk.figures.items.filter((f) => f.infection === 'herpes-zoster');
      const text = row('herpes-zoster').cells[i]!.lines.join('\n');
      if (!hz.length) expect(text).toBe(drug.viralRisk.figures.noData?.reason ?? 'No herpes zoster figures in the reference.');
      for (const f of hz) {
        expect(text).toContain(`${f.arm} ${f.rate}`);
        expect(text).toContain(f.population);
      }
    }
  });

  it('gives every cell that states a fact at least one source, each a known one', () => {
    const known = new Set(dataset.sources.map((s) => s.id));
    for (const r of model.rows) {
      for (const c of r.cells) {
        if (c.lines[0] === 'no record in the reference' || c.lines[0] === 'no conflict recorded in the reference') continue;
        expect(c.sources.length, `${r.id}: ${c.lines[0]}`).toBeGreaterThan(0);
        for (const s of c.sources) expect(known.has(s.id)).toBe(true);
      }
    }
  });
});

describe('populations widened since approval (issue 14)', () => {
  // The approvals whose population was widened later: what each covers now, and who it covered at first.
  const widened = [
    ['abrocitinib', 'us-fda', /^Adults and adolescents 12 and older/, /^Adults with/],
    ['abrocitinib', 'cn-nmpa', /^Adults and adolescents 12 and older$/, /^Adults$/],
    ['ruxolitinib', 'us-fda', /2 years and older/, /12 and older/],
  ] as const;

  it.each(widened)('3. %s (%s): the compare table shows the current population, then the history', (drugId, regulator, now, before) => {
    const c = row(`ad-${regulator}`).cells[drugIndex(drugId)]!;
    expect(c.lines[1]).toMatch(now);
    const history = c.lines.slice(2).filter((l) => l.startsWith('At first approval: ')).map((l) => l.slice('At first approval: '.length).replace(/\.$/, ''));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatch(before);
  });

  it('3. every approval with a recorded widening keeps its first population as history', () => {
    for (const drug of dataset.drugs) {
      for (const a of drug.approval.atopicDermatitis.items) {
        if (a.populationAtApproval) expect(a.extensions?.length, `${drug.id} ${a.regulator}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('status in the compare table (issue 14)', () => {
  it('6. approvals resting on a secondary source say so (baricitinib and Corectim in Japan)', () => {
    for (const drugId of ['baricitinib', 'delgocitinib']) {
      expect(row('ad-jp-mhlw').cells[drugIndex(drugId)]!.provenance, drugId).toMatch(/secondary source only/);
    }
  });

  it('6. every cell stating a fact short of verified shows its status; verified facts show their kind of evidence', () => {
    for (const drug of dataset.drugs) {
      for (const a of drug.approval.atopicDermatitis.items) {
        const c = row(`ad-${a.regulator}`)?.cells[drugIndex(drug.id)];
        if (!c) continue;
        if (a.status !== 'verified') expect(c.provenance, `${drug.id} ${a.regulator}`).toMatch(a.status === 'secondary' ? /secondary source only/ : /single source/);
        else expect(c.provenance, `${drug.id} ${a.regulator}`).toBeTruthy();
      }
    }
  });
});

describe('what the compare table no longer drops (issue 14)', () => {
  it('shows restrictions and date notes beside an approval', () => {
    for (const drug of dataset.drugs) {
      for (const a of drug.approval.atopicDermatitis.items) {
        const c = row(`ad-${a.regulator}`)?.cells[drugIndex(drug.id)];
        if (!c) continue;
        if (a.restrictions) expect(c.lines, `${drug.id} ${a.regulator}`).toContain(a.restrictions);
        if (a.dateNote) expect(c.lines, `${drug.id} ${a.regulator}`).toContain(a.dateNote);
      }
    }
  });

  it('names every conflict a drug has, with the sources of all its sides', () => {
    for (const drug of dataset.drugs) {
      const c = row('conflicts').cells[drugIndex(drug.id)]!;
      for (const conflict of drug.conflicts) {
        expect(c.lines.join(' ')).toContain(conflict.topic);
        for (const id of conflict.sides.flatMap((s) => s.sources)) expect(c.sources.map((s) => s.id)).toContain(id);
      }
    }
  });
});
