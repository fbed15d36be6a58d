import { describe, expect, it } from 'vitest';
import { cardDataFor } from '@/src/data/card-data';
import { buildCardModel } from '@/src/card/card-model';
import { buildCompareModel } from '@/src/compare/compare-model';
import { dataset } from '@/src/data/dataset';
import * as labels from '@/src/data/labels';
import { datasetViewBlocks } from '@/src/data/view/dataset-view';
import { NameLookup } from '@/src/lookup/search';
import { DEFAULT_SETTINGS } from '@/src/settings/settings';

// A field in the data that no reader ever sees is either missing from a view or dead weight.
// This renders everything a reader can open (every card, with every name as written, the compare
// table, the popup's lookup and the dataset view) and checks that each field of the data shows
// up in at least one of them, as it is or through the label the views give it.

const everything = { sections: DEFAULT_SETTINGS.sections, regulators: DEFAULT_SETTINGS.regulators };
const lookup = new NameLookup();
const rendered = [
  // The view's own blocks, before Markdown or HTML escaping.
  JSON.stringify(datasetViewBlocks(dataset)),
  JSON.stringify(buildCompareModel(dataset)),
  ...dataset.drugs.flatMap((drug) => [
    JSON.stringify(buildCardModel(cardDataFor(dataset, drug.id), everything)),
    ...drug.names.map((n) => JSON.stringify([buildCardModel(cardDataFor(dataset, drug.id), { ...everything, asWritten: { text: n.text, name: n.text } }).asWritten, lookup.search(n.text)[0]])),
  ]),
]
  .join('\n')
  .toLowerCase();

/** Keys that are not facts: internal identifiers the views use but need not print. */
const NOT_SHOWN_BY_DESIGN: Record<string, string> = {
  id: 'an internal key',
  category: 'where a conflict is placed on the card, not a text of its own',
  match: 'whether the matcher uses a name; shown only as "(not marked on pages)" when false',
};

/** What a value may look like once a view has shown it. */
function shownAs(value: string | number | boolean): string[] {
  const text = String(value);
  // Enum values are printed as words: "not-approved" as "not approved", "ic50" as "IC50".
  const out = [text, JSON.stringify(text).slice(1, -1), text.replace(/-/g, ' ')];
  for (const table of Object.values(labels)) {
    if (table && typeof table === 'object' && !Array.isArray(table) && text in table) out.push(String((table as Record<string, unknown>)[text]));
  }
  if (/^\d{4}(-\d{2}){0,2}$/.test(text)) out.push(labels.formatIsoDate(text));
  if (typeof value === 'boolean') out.push(value ? 'yes' : 'no');
  return out.map((form) => form.toLowerCase());
}

function leaves(value: unknown, path: string, out: Map<string, unknown[]>): void {
  if (Array.isArray(value)) value.forEach((v) => leaves(v, `${path}[]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  else out.set(path, [...(out.get(path) ?? []), value]);
}

describe('every field of the data reaches a reader', () => {
  const fields = new Map<string, unknown[]>();
  leaves(dataset, '', fields);

  it('each field shows somewhere: on a card, in the compare table, in the popup\'s lookup or in the dataset view', () => {
    const unseen = [...fields]
      .filter(([path]) => !(path.split('.').at(-1)!.replace('[]', '') in NOT_SHOWN_BY_DESIGN))
      .flatMap(([path, values]) => values.filter((v) => !shownAs(v as string).some((form) => rendered.includes(form))).map((v) => `${path}: ${JSON.stringify(v)}`));
    expect(unseen).toEqual([]);
  });

  it('can fail: a field no view shows is reported', () => {
    const probe = new Map<string, unknown[]>([['drugs[].invented', ['a value no view prints']]]);
    const unseen = [...probe].filter(([, values]) => !values.some((v) => shownAs(v as string).some((form) => rendered.includes(form))));
    expect(unseen.length).toBe(1);
  });
});
