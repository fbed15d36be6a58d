import { describe, expect, it } from 'vitest';
import { Dataset, Source, type Conflict, type Note } from '@/src/data/schema';
import { dataset } from '@/src/data/dataset';
import { matchableNames } from '@/src/data/names';
import { evidenceOf, sourcesById } from '@/src/data/evidence';

const parsed = Dataset.safeParse(dataset);

/** Every object in the dataset that carries sources, with where it is. */
function sourcedThings(value: unknown, path = 'dataset', out: { path: string; thing: Record<string, unknown> }[] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => sourcedThings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (Array.isArray(obj.sources) && path !== 'dataset') out.push({ path, thing: obj });
    for (const [k, v] of Object.entries(obj)) if (k !== 'sources') sourcedThings(v, `${path}.${k}`, out);
  }
  return out;
}

function allNotes(): Note[] {
  const notes: Note[] = [];
  for (const drug of dataset.drugs) {
    notes.push(...drug.profile.notes, ...drug.profile.dosing.items, drug.selectivity.summary, ...drug.selectivity.notes);
    notes.push(...drug.approval.notes, ...drug.viralRisk.notes, ...drug.prophylaxis.items);
  }
  for (const list of Object.values(dataset.classNotes)) notes.push(...list);
  return notes;
}

function allConflicts(): Conflict[] {
  return [...dataset.classConflicts, ...dataset.drugs.flatMap((d) => d.conflicts)];
}

const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase('en');
const CJK = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u;

describe('the shipped dataset', () => {
  it('parses with the schema', () => {
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('covers the six drugs, each once', () => {
    expect(dataset.drugs.map((d) => d.id).sort()).toEqual(
      ['abrocitinib', 'baricitinib', 'delgocitinib', 'ruxolitinib', 'tofacitinib', 'upadacitinib'],
    );
  });

  it('has a version and a "facts current as of" date', () => {
    expect(dataset.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(dataset.factsCurrentAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('names', () => {
  const names = matchableNames();

  it('map every spelling to exactly one drug', () => {
    const owners = new Map<string, Set<string>>();
    for (const n of names) owners.set(fold(n.text), (owners.get(fold(n.text)) ?? new Set()).add(n.drugId));
    const shared = [...owners].filter(([, ids]) => ids.size > 1).map(([text, ids]) => `${text}: ${[...ids].join(', ')}`);
    expect(shared).toEqual([]);
  });

  it('never list a spelling twice', () => {
    const seen = names.map((n) => fold(n.text));
    expect(seen.filter((t, i) => seen.indexOf(t) !== i)).toEqual([]);
  });

  it('are never a whole-word part of another drug\'s name', () => {
    const clashes: string[] = [];
    for (const a of names) {
      for (const b of names) {
        if (a.drugId === b.drugId || a.text === b.text) continue;
        const inner = fold(a.text);
        const outer = fold(b.text);
        // CJK text has no spaces between words: any containment is a clash.
        const contained = CJK.test(inner)
          ? outer.includes(inner)
          : new RegExp(`(?<![\\p{L}\\p{N}])${inner.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(outer);
        if (contained) clashes.push(`${a.text} (${a.drugId}) inside ${b.text} (${b.drugId})`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('include the INN, a brand and a development code for every drug', () => {
    for (const drug of dataset.drugs) {
      const kinds = new Set(drug.names.map((n) => n.kind));
      expect([drug.id, kinds.has('inn'), kinds.has('brand'), kinds.has('code')]).toEqual([drug.id, true, true, true]);
      expect(drug.names.find((n) => n.kind === 'inn')?.text).toBe(drug.inn);
    }
  });

  it('leave out the unverified delgocitinib code and do not mistake deuruxolitinib for ruxolitinib', () => {
    const texts = names.map((n) => fold(n.text));
    expect(texts.some((t) => t.includes('124249'))).toBe(false);
    expect(texts).not.toContain('deuruxolitinib');
  });
});

describe('sources', () => {
  const ids = new Set(dataset.sources.map((s) => s.id));
  const things = sourcedThings(dataset);
  const sources = sourcesById(dataset.sources);
  const cited = new Set(things.flatMap(({ thing }) => thing.sources as string[]));

  it('every cited source exists', () => {
    expect([...cited].filter((id) => !ids.has(id))).toEqual([]);
  });

  it('every source is cited', () => {
    expect([...ids].filter((id) => !cited.has(id))).toEqual([]);
  });

  it('have unique ids', () => {
    expect(ids.size).toBe(dataset.sources.length);
  });

  it('a fact resting only on secondary sources says so', () => {
    const grade = new Map(dataset.sources.map((s) => [s.id, s.grade]));
    const wrong = things
      .filter(({ thing }) => typeof thing.status === 'string')
      .filter(({ thing }) => (thing.sources as string[]).every((id) => grade.get(id) === 'secondary'))
      .filter(({ thing }) => thing.status === 'verified')
      .map(({ path }) => path);
    expect(wrong).toEqual([]);
  });

  it('a fact that rests on the letter alone is marked as such', () => {
    const wrong = things
      .filter(({ thing }) => typeof thing.status === 'string')
      .filter(({ thing }) => evidenceOf(thing.sources as string[], sources).join() === 'letter' && thing.status !== 'seed-only')
      .map(({ path }) => path);
    expect(wrong).toEqual([]);
  });

  it('no fact states its own kind of evidence: it is derived from the sources it cites', () => {
    expect(things.filter(({ thing }) => 'evidence' in thing).map(({ path }) => path)).toEqual([]);
  });
});

describe('notes', () => {
  const notes = allNotes();

  it('have unique ids', () => {
    const ids = notes.map((n) => n.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('are never empty or duplicated', () => {
    const texts = notes.map((n) => n.text.trim());
    expect(texts.filter((t) => t.length < 10)).toEqual([]);
    expect(texts.filter((t, i) => texts.indexOf(t) !== i)).toEqual([]);
  });

  it('never carry an UNVERIFIED or CONFLICT tag from the reference', () => {
    expect(JSON.stringify(dataset)).not.toMatch(/UNVERIFIED|CONFLICT|SEED-ONLY/);
  });

  it('never date a fact after the dataset\'s "current as of" date', () => {
    const dates = JSON.stringify(dataset.drugs).match(/"date":"[^"]+"/g) ?? [];
    const late = dates.map((d) => d.slice(8, -1)).filter((d) => d > dataset.factsCurrentAsOf);
    expect(late).toEqual([]);
  });
});

describe('every category', () => {
  it('has content or an explicit "no data" with a reason, for every drug', () => {
    for (const drug of dataset.drugs) {
      const sections = {
        dosing: drug.profile.dosing,
        'AD approval': drug.approval.atopicDermatitis,
        'other indications': drug.approval.otherIndications,
        'viral figures': drug.viralRisk.figures,
        prophylaxis: drug.prophylaxis,
      };
      for (const [name, section] of Object.entries(sections)) {
        const ok = section.items.length > 0 || (section.noData?.reason.length ?? 0) > 20;
        expect(ok, `${drug.id}: ${name}`).toBe(true);
      }
      expect(drug.boxedWarning.length, `${drug.id}: boxed warning`).toBeGreaterThan(0);
    }
  });

  it('shows conflicts with at least two sides, each with its own sources', () => {
    for (const conflict of allConflicts()) {
      const sideSources = conflict.sides.map((s) => s.sources.join());
      expect(new Set(sideSources).size, conflict.id).toBe(conflict.sides.length);
    }
  });

  it('keeps the letter\'s antiviral regimens as a letter\'s suggestion, not a label instruction', () => {
    const antiviral = dataset.classNotes.prophylaxis.filter((n) => /valacyclovir|acyclovir/.test(n.text));
    expect(antiviral.length).toBeGreaterThan(0);
    for (const note of antiviral) expect([evidenceOf(note.sources, sourcesById(dataset.sources)), note.status]).toEqual([['letter'], 'seed-only']);
  });

  it('does not present the live zoster vaccine as current', () => {
    const live = dataset.classNotes.prophylaxis.find((n) => /Zostavax/.test(n.text));
    expect(live?.text).toMatch(/not been available in the US since 18 Nov 2020/);
  });
});

describe('the kind of evidence a fact shows', () => {
  const sources = sourcesById(dataset.sources);
  const drug = (id: string) => dataset.drugs.find((d) => d.id === id)!;
  const shown = (thing: { sources: string[] }) => evidenceOf(thing.sources, sources);

  it('comes from the sources: a news report of a label is a news report, a clinic page a secondary source', () => {
    // Typed by hand as "label" or "review" before; their sources are news reports, a reprint and a clinic page.
    expect(shown(drug('abrocitinib').profile.dosing.items.find((n) => n.id === 'abro-dose-eu-50')!)).toEqual(['news']);
    expect(shown(drug('upadacitinib').profile.dosing.items.find((n) => n.id === 'upa-dose-us')!)).toEqual(['news', 'secondary']);
    expect(shown(drug('baricitinib').approval.atopicDermatitis.items.find((a) => a.regulator === 'jp-mhlw')!)).toEqual(['secondary']);
  });

  it('lists each kind a note cites, strongest first', () => {
    expect(evidenceOf(['S4', 'S3', 'S36'], sources)).toEqual(['label', 'news', 'secondary']);
  });

  it('cannot be claimed by a source beyond what it is', () => {
    const base = { id: 'S999', citation: 'A citation.' };
    expect(Source.safeParse({ ...base, grade: 'primary', kind: 'label' }).success).toBe(true);
    expect(Source.safeParse({ ...base, grade: 'primary' }).success, 'a primary source names its kind').toBe(false);
    expect(Source.safeParse({ ...base, grade: 'news', kind: 'label' }).success, 'a news report of a label').toBe(false);
    expect(Source.safeParse({ ...base, grade: 'secondary', kind: 'review' }).success, 'a clinic page').toBe(false);
    expect(Source.safeParse({ ...base, grade: 'news', kind: 'opinion' }).success, 'an interview').toBe(true);
  });
});

describe('defects found in the claim-by-claim review (issue 14)', () => {
  const drug = (id: string) => dataset.drugs.find((d) => d.id === id)!;

  it('1. the class note on prior systemic therapy names every approval that requires it, China included', () => {
    const note = dataset.classNotes.approval.find((n) => n.id === 'class-us-prior-systemic')!;
    const china = drug('abrocitinib').approval.atopicDermatitis.items.find((a) => a.regulator === 'cn-nmpa')!;
    expect(china.restrictions).toMatch(/after other systemic therapy/);
    expect(note.text).not.toMatch(/^Only the US and Canadian/);
    expect(note.text).toMatch(/China/);
    expect(note.sources).toEqual(expect.arrayContaining(['S3', 'S21', 'S10', 'S12']));
  });

  it('8. Corectim\'s Japan approval date is shown as a conflict with both sides sourced, not one side as a note', () => {
    const corectim = drug('delgocitinib').approval.atopicDermatitis.items.find((a) => a.regulator === 'jp-mhlw')!;
    expect(corectim.date).toBeUndefined();
    expect(corectim.dateNote).not.toMatch(/March 2020/);
    const conflict = drug('delgocitinib').conflicts.find((c) => c.id === 'delgo-jp-approval-date')!;
    expect(conflict.category).toBe('approval');
    expect(conflict.sides.map((s) => s.position.match(/(January|March) 2020/)?.[1])).toEqual(['March', 'January']);
    for (const side of conflict.sides) expect(side.sources.length).toBeGreaterThan(0);
  });

  it('9. the interview\'s unverified claim that trials allowed calcineurin inhibitors is not shown', () => {
    const shown = JSON.stringify([dataset.classConflicts, dataset.classNotes, dataset.drugs]);
    expect(shown).not.toMatch(/trials allowed them/);
    expect(shown).not.toMatch(/trials (allowed|permitted) (topical )?calcineurin/i);
  });

  it('10. atopic dermatitis dosing lists no rheumatoid arthritis posology (baricitinib 2 mg over 75)', () => {
    for (const d of dataset.drugs) {
      expect(d.profile.dosing.items.filter((n) => /rheumatoid|over 75/i.test(n.text)).map((n) => n.id), d.id).toEqual([]);
    }
  });
});

describe('source links (issue 14)', () => {
  // DOI prefixes of data repositories (Mendeley Data, Zenodo, figshare, Dryad): a dataset, not the paper.
  const DATA_REPOSITORY_DOI = /^10\.(17632|5281|6084|5061)\//;

  it('4. a source\'s DOI link is the cited document\'s own, never its data supplement (S72 linked a Mendeley dataset)', () => {
    expect(dataset.sources.filter((s) => s.doi && DATA_REPOSITORY_DOI.test(s.doi)).map((s) => s.id)).toEqual([]);
    const s72 = dataset.sources.find((s) => s.id === 'S72')!;
    expect(s72.links?.[0]).toMatch(/PIIS0190962223028785/);
  });
});

describe('citations read as complete references (issue 14)', () => {
  // Names a reader can place a citation by: the six drugs, their brands and codes, or the named study.
  const placeable = new RegExp(
    [...dataset.drugs.flatMap((d) => [d.inn, ...d.names.map((n) => n.text)]), 'ORAL Surveillance', 'Rising Up', 'JAK', 'zoster', 'Zostavax', 'atopic dermatitis']
      .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'i',
  );

  it.each(dataset.sources.map((s) => [s.id, s] as const))('12. %s has no fragment of a removed address and ends as a sentence', (_id, source) => {
    expect(source.citation).not.toMatch(/\(\s*\)|\(\s*\.\.\.\s*\)|:\s*\(|\s\)|English; Spanish\.|Via [^,.]+: \(/);
    expect(source.citation).toMatch(/[.)”"]$/);
  });

  it('12. a part of a source (S3c, S10b...) names its drug or document on its own', () => {
    const bare = dataset.sources.filter((s) => /[a-z]$/.test(s.id) && !placeable.test(s.citation)).map((s) => `${s.id}: ${s.citation}`);
    expect(bare).toEqual([]);
  });

  it('12. a source\'s year is its own publication year (S77 2016, S78 2023; S94 has none: 2016 was an approval date)', () => {
    const year = (id: string) => dataset.sources.find((s) => s.id === id)!.year;
    expect([year('S77'), year('S78'), year('S94')]).toEqual(['2016', '2023', undefined]);
  });

  it('12. a link to a staging copy, a search page or an index says so; no host ends in a dot', () => {
    const odd = /\/\/[^/]*(staging|uat|trial\.|platformsh)|\/search\/|News-\d{4}\/$|\/\d{4}\/\d{2}\/\d{2}\/$/;
    for (const s of dataset.sources) {
      if (s.links?.[0] && odd.test(s.links[0]) && !s.doi) expect(s.linkNote, s.id).toBeDefined();
      for (const link of s.links ?? []) expect(new URL(link).hostname.endsWith('.'), `${s.id} ${link}`).toBe(false);
    }
  });
});
