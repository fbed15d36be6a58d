import { z } from 'zod/mini';
import { NAME_GROUPS } from '../data/name-groups';
import { REGULATOR_ORDER } from '../data/labels';
import { REGULATORS } from '../data/codes';
import { CARD_SECTIONS, MarkStyle, SiteMode } from './choices';
import { normalizeSitePattern } from './site-rules';

/** One switch per member of a closed set: { a: boolean, b: boolean, ... }. */
function switches<const K extends string>(keys: readonly K[]) {
  return z.strictObject(Object.fromEntries(keys.map((k) => [k, z.boolean()])) as Record<K, z.ZodMiniBoolean>);
}

/** The settings a user can change. Every read goes through readSettings(). */
export const SettingsSchema = z.object({
  siteMode: SiteMode,
  sites: z.array(z.string()),
  markStyle: MarkStyle,
  /** Which card sections show. */
  sections: switches(CARD_SECTIONS),
  /** Whose approvals the card lists (and whose regional notes it shows). */
  regulators: z.array(z.enum(REGULATORS)),
  /** Which kinds of names are marked on pages. */
  nameKinds: switches(NAME_GROUPS),
  /** How long the pointer rests on a mention before its card opens, in ms. */
  dwellMs: z.number().check(z.int(), z.minimum(0), z.maximum(3000)),
  /** Whether a PDF the browser navigates to opens in JAK Lens's own viewer instead of the browser's. */
  openPdfs: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  siteMode: 'all-except',
  sites: [],
  markStyle: 'underline',
  sections: { selectivity: true, approval: true, boxedWarning: true, viralRisk: true, prophylaxis: true, sources: true },
  regulators: [...REGULATOR_ORDER],
  nameKinds: { generic: true, brand: true, code: true, otherScript: true, misspelling: true },
  dwellMs: 300,
  // On: a clinician installs JAK Lens to see the names in what they read, and papers arrive as PDFs.
  openPdfs: true,
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

/** The version of the stored settings' shape; storage migrations bring older ones up to it. */
export const SETTINGS_VERSION = 3;

/**
 * Version 1 stored only where and how to mark (siteMode, sites, markStyle).
 * Version 2 adds the card's sections and regulators, the name kinds and the
 * dwell time: an older user's values are kept, the new ones start at their
 * defaults. Never throws: a value that is not an object is left for
 * readSettings to replace and report.
 */
export function migrateV1toV2(v1: unknown): unknown {
  if (!v1 || typeof v1 !== 'object' || Array.isArray(v1)) return v1;
  const { sections, regulators, nameKinds, dwellMs } = DEFAULT_SETTINGS;
  return { sections, regulators, nameKinds, dwellMs, ...(v1 as object) };
}

/** Version 3 adds the choice to open PDFs in JAK Lens's viewer, on unless the user had said otherwise. */
export function migrateV2toV3(v2: unknown): unknown {
  if (!v2 || typeof v2 !== 'object' || Array.isArray(v2)) return v2;
  return { openPdfs: DEFAULT_SETTINGS.openPdfs, ...(v2 as object) };
}

export const MIGRATIONS: Record<number, (old: unknown) => unknown> = { 2: migrateV1toV2, 3: migrateV2toV3 };

/** The file a user downloads from the options page. */
export interface SettingsExport {
  app: 'jak-lens';
  version: number;
  settings: Settings;
}

export function exportSettings(settings: Settings): string {
  const file: SettingsExport = { app: 'jak-lens', version: SETTINGS_VERSION, settings };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; message: string };

/**
 * Reads an exported settings file. Unlike readSettings (which repairs what is
 * stored), an import is all or nothing: anything wrong rejects the whole file
 * with a message that names the problem, so nothing already saved changes.
 */
export function parseSettingsImport(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, message: `The file is not valid JSON (${(err as Error).message}).` };
  }
  if (!data || typeof data !== 'object' || (data as { app?: unknown }).app !== 'jak-lens' || typeof (data as { settings?: unknown }).settings !== 'object') {
    return { ok: false, message: 'This is not a JAK Lens settings file: it needs "app": "jak-lens" and a "settings" object.' };
  }
  const file = data as { version?: unknown; settings: unknown };
  const version = typeof file.version === 'number' && Number.isInteger(file.version) ? file.version : NaN;
  if (!(version >= 1)) return { ok: false, message: 'The file has no valid "version" number.' };
  if (version > SETTINGS_VERSION) {
    return { ok: false, message: `The file comes from a newer JAK Lens (settings version ${version}; this one reads up to ${SETTINGS_VERSION}).` };
  }
  let settings = file.settings;
  for (let v = version + 1; v <= SETTINGS_VERSION; v++) settings = MIGRATIONS[v]?.(settings) ?? settings;
  const parsed = z.strictObject(SettingsSchema.def.shape).safeParse(settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `"${issue.path.join('.')}"` : 'the settings';
    return { ok: false, message: `The file's ${where} is not valid: ${issue.message}.` };
  }
  const bad = parsed.data.sites.find((s) => normalizeSitePattern(s) === null);
  if (bad !== undefined) return { ok: false, message: `The file's site list has "${bad}", which is not a host name such as example.org.` };
  return { ok: true, settings: { ...parsed.data, sites: parsed.data.sites.map((s) => normalizeSitePattern(s)!) } };
}
