import { describe, expect, it } from 'vitest';
import { cardDataFor } from '@/src/data/card-data';
import { buildCardModel, type CardModel, type Item } from '@/src/card/card-model';
import { dataset } from '@/src/data/dataset';
import { matchableNames } from '@/src/data/names';
import type { DrugId } from '@/src/data/schema';
import { buildMatcher } from '@/src/match/find-mentions';
import { DEFAULT_SETTINGS } from '@/src/settings/settings';

const all = { sections: DEFAULT_SETTINGS.sections, regulators: DEFAULT_SETTINGS.regulators };
const ids = dataset.drugs.map((d) => d.id);
const model = (id: DrugId, options: Partial<Parameters<typeof buildCardModel>[1]> = {}) => buildCardModel(cardDataFor(dataset, id), { ...all, ...options });

function items(m: CardModel): Item[] {
  return m.sections.flatMap((s) => [...s.summary, ...s.details]);
}

function refsOf(item: Item): number[] {
  if ('from' in item) return item.from.refs;
  if (item.kind === 'conflict') return item.sides.flatMap((s) => s.from.refs);
  if (item.kind === 'levels') return item.levels.flatMap((l) => l.from?.refs ?? []);
  return [];
}

/** Every piece of text a card shows, for checking it against the dataset. */
function texts(item: Item): string[] {
  switch (item.kind) {
    case 'note':
    case 'caveat':
      return [item.text];
    case 'conflict':
      return [item.topic, item.takeaway, ...item.sides.map((s) => s.position)];
    case 'boxed':
      return [item.covers];
    case 'figures':
      return [item.population];
    default:
      return [];
  }
}

describe('the card model', () => {
  it.each(ids)('%s: every section, sources numbered 1..n in the order the card cites them, each resolving to a source', (id) => {
    const m = model(id);
    expect(m.sections.map((s) => s.id)).toEqual(['selectivity', 'approval', 'boxedWarning', 'viralRisk', 'prophylaxis']);
    const cited = items(m).flatMap(refsOf);
    const firstSeen = [...new Set(cited)];
    expect(firstSeen).toEqual(firstSeen.map((_, i) => i + 1));
    expect(m.sources.map((s) => s.n)).toEqual(firstSeen);
    const known = new Set(dataset.sources.map((s) => s.id));
    for (const s of m.sources) expect(known.has(s.id), s.id).toBe(true);
  });

  it.each(ids)('%s: shows only text that is in the dataset, never a fact of its own', (id) => {
    const corpus = JSON.stringify(dataset);
    for (const t of items(model(id)).flatMap(texts)) {
      // Notes may be joined with their date or regulator; each piece must come from the data.
      for (const piece of t.split(/(?<=\.)\s(?=[A-Z])|: /)) {
        if (/^(No (verified|atopic)|None recorded|At first approval)/.test(piece)) continue;
        expect(corpus.includes(JSON.stringify(piece.replace(/\.$/, '')).slice(1, -1)), `${id}: "${piece}"`).toBe(true);
      }
    }
  });

  it('shows a conflict with both sides and their sources', () => {
    const conflicts = items(model('abrocitinib')).filter((i) => i.kind === 'conflict');
    expect(conflicts.length).toBeGreaterThan(0);
    for (const c of conflicts) {
      if (c.kind !== 'conflict') continue;
      expect(c.sides.length).toBeGreaterThanOrEqual(2);
      for (const side of c.sides) expect(side.from.refs.length).toBeGreaterThan(0);
    }
  });

  it('hides the sections the options turn off, and numbers only what is shown', () => {
    const m = model('upadacitinib', { sections: { ...all.sections, selectivity: false, viralRisk: false } });
    expect(m.sections.map((s) => s.id)).toEqual(['approval', 'boxedWarning', 'prophylaxis']);
    expect(m.sources[0]!.n).toBe(1);
    expect(items(m).flatMap(refsOf)[0]).toBe(1);
  });

  it('with the sources section off, shows no dangling source numbers', () => {
    const m = model('baricitinib', { sections: { ...all.sections, sources: false } });
    expect(m.sources).toEqual([]);
    expect(items(m).flatMap(refsOf)).toEqual([]);
  });

  it('lists approvals only for the chosen regulators, in a fixed order, atopic dermatitis first', () => {
    const full = model('upadacitinib').sections.find((s) => s.id === 'approval')!;
    expect(full.summary[0]).toEqual({ kind: 'heading', text: 'Atopic dermatitis' });
    expect(full.summary.filter((i) => i.kind === 'approval').map((i) => (i as { regulator: string }).regulator)).toEqual([
      'US FDA',
      'EU (EC/EMA)',
      'Japan (MHLW)',
      'UK MHRA',
    ]);
    const eu = model('upadacitinib', { regulators: ['eu-ec'] }).sections.find((s) => s.id === 'approval')!;
    const shown = [...eu.summary, ...eu.details];
    expect(shown.filter((i) => i.kind === 'approval').map((i) => (i as { regulator: string }).regulator)).toEqual(['EU (EC/EMA)']);
    expect(shown.filter((i) => i.kind === 'note' && i.prefix && !i.prefix.startsWith('EU'))).toEqual([]);
  });

  it('says so when no chosen regulator has approved it for atopic dermatitis, rather than showing nothing', () => {
    const m = model('upadacitinib', { regulators: ['cn-nmpa'] });
    const approval = m.sections.find((s) => s.id === 'approval')!;
    expect(approval.summary).toContainEqual(expect.objectContaining({ kind: 'note', text: expect.stringContaining('No atopic dermatitis approval recorded') }));
  });

  it('a drug without atopic dermatitis approvals shows the dataset\'s reason', () => {
    const tofa = dataset.drugs.find((d) => d.id === 'tofacitinib')!;
    const approval = model('tofacitinib').sections.find((s) => s.id === 'approval')!;
    expect(approval.summary).toContainEqual(expect.objectContaining({ kind: 'note', text: tofa.approval.atopicDermatitis.noData!.reason }));
  });

  it('names the name as written when it is not the generic name', () => {
    expect(model('upadacitinib', { asWritten: { text: 'RINVOQ', name: 'Rinvoq' } }).asWritten).toEqual({ text: 'RINVOQ', kind: 'brand', regions: 'US, EU, UK, Japan' });
    expect(model('upadacitinib', { asWritten: { text: 'ABT-494', name: 'ABT-494' } }).asWritten).toEqual({
      text: 'ABT-494',
      kind: 'development code',
      note: 'AbbVie development code.',
    });
    expect(model('upadacitinib', { asWritten: { text: 'Upadacitinib', name: 'upadacitinib' } }).asWritten).toBeUndefined();
  });

  it('takes the kind of a name from the matcher, however the page spaced or cased it', () => {
    const text = 'Ruxolitinib (INCB\u00a018424) and abt\u2011494 were compared.';
    const matcher = buildMatcher(matchableNames());
    const [code, abt] = matcher.find(text).filter((m) => m.kind === 'code');
    for (const m of [code!, abt!]) {
      const card = model(m.drugId, { asWritten: { text: text.slice(m.start, m.end), name: m.name } });
      expect(card.asWritten?.kind).toBe('development code');
    }
  });

  it('keeps viral figures as printed, grouped by infection, population and unit, with the cross-trial caveat', () => {
    const viral = model('abrocitinib').sections.find((s) => s.id === 'viralRisk')!;
    const groups = viral.summary.filter((i) => i.kind === 'figures');
    expect(groups[0]).toMatchObject({ infection: 'Herpes zoster', unit: 'per 100 patient-years' });
    const printed = groups.flatMap((g) => (g.kind === 'figures' ? g.rows.map((r) => r.rate) : []));
    const source = dataset.drugs.find((d) => d.id === 'abrocitinib')!.viralRisk.figures.items.map((f) => f.rate);
    expect([...printed].sort()).toEqual([...source].sort());
    expect(viral.summary.at(-1)).toEqual({ kind: 'caveat', text: dataset.caveats.crossTrial });
  });

  it('marks facts that rest on a secondary source only', () => {
    const flagged = dataset.drugs.flatMap((d) => items(model(d.id))).filter((i) => 'from' in i && i.from.status);
    expect(flagged.length).toBeGreaterThan(0);
    for (const i of flagged) if ('from' in i) expect(['secondary source only', 'single source, not confirmed elsewhere']).toContain(i.from.status);
  });
});

describe('what the card says a figure counts (issue 14)', () => {
  it('2. heads Rising Up\'s 112-week rates with what the study measured, not as eczema herpeticum', () => {
    const figures = items(model('upadacitinib')).filter((i): i is Extract<Item, { kind: 'figures' }> => i.kind === 'figures');
    const later = figures.find((f) => f.rows.some((r) => r.rate === '4.3'))!;
    expect(later.infection).toBe('Opportunistic infections other than tuberculosis and zoster (almost all eczema herpeticum)');
    expect(later.rows).toEqual([{ arm: '15 mg', rate: '4.3' }, { arm: '30 mg', rate: '2.1' }]);
    const eh = figures.filter((f) => f.infection === 'Eczema herpeticum');
    expect(eh.flatMap((f) => f.rows.map((r) => r.rate))).toEqual(['3.3', '1.1']);
    // Shown after the infections it is not, in the fixed order.
    expect(figures.map((f) => f.infection).indexOf(later.infection)).toBe(figures.length - 1);
  });
});

describe('the population an approval covers (issue 14)', () => {
  it('3. the card shows who abrocitinib\'s US approval covers now, and the adult-only start as history', () => {
    const m = model('abrocitinib', { regulators: ['us-fda'] });
    const approval = m.sections.find((s) => s.id === 'approval')!;
    const line = approval.summary.find((i): i is Extract<Item, { kind: 'approval' }> => i.kind === 'approval')!;
    expect(line.population).toBe('Adults and adolescents 12 and older with refractory moderate-to-severe atopic dermatitis');
    const history = approval.details.flatMap(texts);
    expect(history).toContain('At first approval (14 Jan 2022): Adults with refractory moderate-to-severe atopic dermatitis.');
    expect(history).toContain('Feb 2023: Adolescents 12 to under 18 years added.');
  });

  it('3. ruxolitinib cream: children 2 to 11 are in the current US population', () => {
    const approval = model('ruxolitinib', { regulators: ['us-fda'] }).sections.find((s) => s.id === 'approval')!;
    const line = approval.summary.find((i): i is Extract<Item, { kind: 'approval' }> => i.kind === 'approval')!;
    expect(line.population).toMatch(/2 years and older/);
  });
});

describe('the card header (issue 14)', () => {
  it.each(ids)('11. %s: "generation" is shown as the informal label from reviews it is, never as a plain fact', (id) => {
    const m = model(id);
    expect(m.profile).toMatch(/“(first|second) generation” in reviews \(an informal label\)/);
    expect(m.profile).not.toMatch(/· (first|second) generation$/);
  });
});

describe('conflicts on the card (issue 14)', () => {
  it('8. the card\'s approval section shows the disputed Corectim date with both sides and their sources', () => {
    const approval = model('delgocitinib').sections.find((s) => s.id === 'approval')!;
    const conflict = [...approval.summary, ...approval.details].find((i): i is Extract<Item, { kind: 'conflict' }> => i.kind === 'conflict' && /Corectim/.test(i.topic))!;
    expect(conflict.sides).toHaveLength(2);
    for (const side of conflict.sides) expect(side.from.refs.length).toBeGreaterThan(0);
  });
});

describe('names resting on a secondary source (issue 14)', () => {
  it('6. the card says a name from a low-grade page is from a secondary source only', () => {
    const m = buildCardModel(cardDataFor(dataset, 'tofacitinib'), { ...all, asWritten: { text: 'Jakvinus', name: 'Jakvinus' } });
    expect(m.asWritten).toEqual({ text: 'Jakvinus', kind: 'brand', regions: 'Russia', note: 'From a wiki mirror only.', status: 'secondary source only' });
    expect(buildCardModel(cardDataFor(dataset, 'tofacitinib'), { ...all, asWritten: { text: 'Xeljanz', name: 'Xeljanz' } }).asWritten?.status).toBeUndefined();
  });
});

describe('the selectivity chips (issue 14)', () => {
  const chips = (id: DrugId) => items(model(id)).find((i): i is Extract<Item, { kind: 'levels' }> => i.kind === 'levels')!.levels;

  it('7. ruxolitinib\'s JAK3 "weaker" chip cites its vendor page and says it is a secondary source only', () => {
    const jak3 = chips('ruxolitinib').find((c) => c.kinase === 'JAK3')!;
    expect(jak3.label).toBe('weaker');
    expect(jak3.from?.status).toBe('secondary source only');
    expect(jak3.from?.refs.length).toBe(1);
  });

  it.each(ids)('7. %s: every reported chip carries sources; "not reported" carries none', (id) => {
    for (const chip of chips(id)) {
      if (chip.level === 'not-reported') expect(chip.from, chip.kinase).toBeUndefined();
      else expect(chip.from?.refs.length, chip.kinase).toBeGreaterThan(0);
    }
  });
});

describe('what the card no longer drops (issue 14)', () => {
  it('shows the product notes: Anzupgo is for chronic hand eczema, not atopic dermatitis', () => {
    const approval = model('delgocitinib').sections.find((s) => s.id === 'approval')!;
    const shown = approval.details.flatMap(texts);
    expect(shown).toContain('EU, UK and US: Anzupgo cream 20 mg/g, for chronic hand eczema, not atopic dermatitis.');
    for (const note of dataset.drugs.find((d) => d.id === 'upadacitinib')!.profile.notes) {
      expect(model('upadacitinib').sections.find((s) => s.id === 'approval')!.details.flatMap(texts)).toContain(note.text);
    }
  });
});

describe('what the reference has that the card lacked (issue 14)', () => {
  const shownIn = (id: DrugId, section: string) => {
    const s = model(id).sections.find((x) => x.id === section)!;
    return [...s.summary, ...s.details].flatMap(texts).join('\n');
  };

  it('ORAL Surveillance: MACE by ASCVD history, independent risk factors, baseline age and steroid use; the Dec 2021 strengthening', () => {
    const boxed = shownIn('tofacitinib', 'boxedWarning');
    expect(boxed).toMatch(/8\.3% \(tofacitinib 5 mg\), 7\.7% \(10 mg\) and 4\.2% \(TNF inhibitor\)/);
    expect(boxed).toMatch(/current smoking, aspirin use, age 65 or older and male sex/);
    expect(boxed).toMatch(/mean age about 61; about 53% of each arm took oral corticosteroids/);
    expect(boxed).toMatch(/added to the labels in Dec 2021/);
  });

  it('tofacitinib\'s US ankylosing spondylitis and EU rheumatoid arthritis indications, without unconfirmed dates', () => {
    const approval = model('tofacitinib').sections.find((s) => s.id === 'approval')!.details;
    const notes = approval.filter((i): i is Extract<Item, { kind: 'note' }> => i.kind === 'note');
    const us = notes.find((n) => n.prefix === 'US FDA' && n.text.startsWith('Ankylosing spondylitis'))!;
    const eu = notes.find((n) => n.prefix === 'EU (EC/EMA)' && n.text.startsWith('Rheumatoid arthritis'))!;
    for (const n of [us, eu]) expect(n.suffix).toBeUndefined();
  });

  it('JADE REGIMEN flare rates and the JADE DARE result on abrocitinib\'s card', () => {
    const approval = shownIn('abrocitinib', 'approval');
    expect(approval).toMatch(/18\.9% on 200 mg, 42\.6% on 100 mg and 80\.9% on placebo/);
    expect(approval).toMatch(/JADE DARE.*itch response \(PP-NRS4\) at week 2 and on EASI-90 at week 4/);
  });

  it('upadacitinib\'s 7-year data and the FDA\'s 2021 extension of the recombinant zoster vaccine to adults 18 and older', () => {
    expect(shownIn('upadacitinib', 'viralRisk')).toMatch(/7-year integrated analysis/);
    expect(shownIn('upadacitinib', 'prophylaxis')).toMatch(/23 Jul 2021 the FDA extended .* adults 18 and older at increased risk/);
  });
});
