import { describe, expect, it } from 'vitest';
import { NameLookup } from '@/src/lookup/search';

const lookup = new NameLookup();
const first = (q: string) => lookup.search(q)[0]?.drugId;

describe('looking a drug up by name', () => {
  it.each([
    ['upadacitinib', 'upadacitinib'],
    ['Rinvoq', 'upadacitinib'],
    ['ABT-494', 'upadacitinib'],
    ['abt 494', 'upadacitinib'],
    ['cp690550', 'tofacitinib'],
    ['CP-690,550', 'tofacitinib'],
    ['tofacitinib citrate', 'tofacitinib'],
    ['ルキソリチニブ', 'ruxolitinib'],
    ['托法替布', 'tofacitinib'],
    ['PF-04965842', 'abrocitinib'],
    ['Corectim', 'delgocitinib'],
  ])('finds %s by its full name', (query, drug) => {
    expect(first(query)).toBe(drug);
  });

  it.each([
    ['upa', 'upadacitinib'],
    ['cibi', 'abrocitinib'],
    ['olu', 'baricitinib'],
    ['jakaf', 'ruxolitinib'],
    ['xel', 'tofacitinib'],
  ])('finds %s by prefix', (query, drug) => {
    expect(first(query)).toBe(drug);
  });

  it.each([
    ['upadacitnib', 'upadacitinib'],
    ['xelganz', 'tofacitinib'],
    ['olumian', 'baricitinib'],
    ['barcitinib', 'baricitinib'],
    ['opzelra', 'ruxolitinib'],
    ['abrocitnib', 'abrocitinib'],
  ])('tolerates the typo %s', (query, drug) => {
    expect(first(query)).toBe(drug);
  });

  it('gives each drug once, and nothing for an unrelated word', () => {
    const ids = lookup.search('citinib').map((r) => r.drugId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(lookup.search('dupilumab')).toEqual([]);
    // Other JAK inhibitors are not lookalikes of ours.
    expect(lookup.search('deucravacitinib')).toEqual([]);
    expect(lookup.search('deuruxolitinib')).toEqual([]);
    expect(lookup.search('ritlecitinib')).toEqual([]);
    expect(lookup.search('')).toEqual([]);
  });

  it('suggests the closest names when nothing matches', () => {
    expect(lookup.search('zzqx')).toEqual([]);
    expect(lookup.closest('deucravacitinib').length).toBeGreaterThan(0);
  });
});

describe('the status of a looked-up name (issue 14)', () => {
  const lookup = new NameLookup();
  it.each([['Jakvinus', 'tofacitinib'], ['乌帕替尼', 'upadacitinib'], ['迪高替尼', 'delgocitinib']])('6. %s (%s) comes back marked as resting on a secondary source', (name, drugId) => {
    const [first] = lookup.search(name);
    expect(first?.drugId).toBe(drugId);
    expect(first?.matched.status).toBe('secondary');
  });
});
