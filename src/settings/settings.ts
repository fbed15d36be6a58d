import { z } from 'zod/mini';
import type { Regulator } from '../data/schema';
import { REGULATOR_ORDER } from '../data/labels';
import { normalizeSitePattern } from './site-rules';

/** The card's sections a user can hide. The header is always shown. */
export const CARD_SECTIONS = ['selectivity', 'approval', 'boxedWarning', 'viralRisk', 'prophylaxis', 'sources'] as const;
export type CardSection = (typeof CARD_SECTIONS)[number];

/** The settings a user can change. Every read goes through readSettings(). */
export const SettingsSchema = z.object({
  siteMode: z.enum(['all-except', 'only-listed']),
  sites: z.array(z.string()),
  markStyle: z.enum(['underline', 'tint', 'none']),
  /** Which card sections show. */
  sections: z.strictObject({
    selectivity: z.boolean(),
    approval: z.boolean(),
    boxedWarning: z.boolean(),
    viralRisk: z.boolean(),
    prophylaxis: z.boolean(),
    sources: z.boolean(),
  }),
  /** Whose approvals the card lists (and whose regional notes it shows). */
  regulators: z.array(z.enum(REGULATOR_ORDER as [Regulator, ...Regulator[]])),
  /** How long the pointer rests on a mention before its card opens, in ms. */
  dwellMs: z.number().check(z.int(), z.minimum(0), z.maximum(3000)),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  siteMode: 'all-except',
  sites: [],
  markStyle: 'underline',
  sections: { selectivity: true, approval: true, boxedWarning: true, viralRisk: true, prophylaxis: true, sources: true },
  regulators: [...REGULATOR_ORDER],
  dwellMs: 300,
};

export interface SettingsRead {
  settings: Settings;
  /** Fields that were missing or invalid in storage and fell back to their default. */
  reset: (keyof Settings)[];
}

/**
 * Validates a stored value field by field: good fields are kept, a bad or
 * missing field falls back to its default and is reported, nothing throws.
 */
export function readSettings(stored: unknown): SettingsRead {
  if (stored === undefined || stored === null) return { settings: { ...DEFAULT_SETTINGS }, reset: [] };
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return { settings: { ...DEFAULT_SETTINGS }, reset: Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[] };
  }
  const source = stored as Record<string, unknown>;
  const settings = { ...DEFAULT_SETTINGS } as Record<keyof Settings, unknown>;
  const reset: (keyof Settings)[] = [];
  const shape = SettingsSchema.def.shape;
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (!(key in source)) continue;
    const parsed = shape[key].safeParse(source[key]);
    if (parsed.success) settings[key] = parsed.data;
    else reset.push(key);
  }
  const result = settings as Settings;
  // Site patterns are kept only when they are valid hosts.
  const sites = result.sites.map(normalizeSitePattern);
  if (sites.some((s) => s === null) && !reset.includes('sites')) reset.push('sites');
  result.sites = [...new Set(sites.filter((s): s is string => s !== null))];
  return { settings: result, reset };
}
