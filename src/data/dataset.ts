import type { Dataset, DrugId } from './schema';
import classData from './dataset/class.json';
import sources from './dataset/sources.json';
import abrocitinib from './dataset/drugs/abrocitinib.json';
import upadacitinib from './dataset/drugs/upadacitinib.json';
import baricitinib from './dataset/drugs/baricitinib.json';
import ruxolitinib from './dataset/drugs/ruxolitinib.json';
import delgocitinib from './dataset/drugs/delgocitinib.json';
import tofacitinib from './dataset/drugs/tofacitinib.json';
import { NAMES_BY_DRUG } from './dataset/names';

/**
 * The bundled reference, assembled from the JSON files beside this module.
 * It is validated against the schema by the unit tests (and so in CI), not at
 * run time, so the content script pays nothing to load it.
 */
export const dataset = {
  ...classData,
  drugs: [abrocitinib, upadacitinib, baricitinib, ruxolitinib, delgocitinib, tofacitinib].map((drug) => ({
    ...drug,
    names: NAMES_BY_DRUG[drug.id as DrugId],
  })),
  sources,
} as unknown as Dataset;
