import type { DrugId, DrugName } from '../../schema';
import abrocitinib from './abrocitinib.json';
import upadacitinib from './upadacitinib.json';
import baricitinib from './baricitinib.json';
import ruxolitinib from './ruxolitinib.json';
import delgocitinib from './delgocitinib.json';
import tofacitinib from './tofacitinib.json';

/**
 * The names each drug goes by. Kept apart from the rest of the dataset so the
 * content script, which runs on every page, bundles only what it needs to find mentions.
 */
export const NAMES_BY_DRUG = {
  abrocitinib,
  upadacitinib,
  baricitinib,
  ruxolitinib,
  delgocitinib,
  tofacitinib,
} as unknown as Record<DrugId, DrugName[]>;
