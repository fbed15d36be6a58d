import { KINASES as KINASE_CODES, REGULATORS, type Kinase, type Regulator } from './codes';
import type { Infection, NameKind } from './schema';

// Words shown to readers for the dataset's codes, in one place so the card,
// the popup, the options page and the generated view say the same thing.

export const REGULATOR_LABEL: Record<Regulator, string> = {
  'us-fda': 'US FDA',
  'eu-ec': 'EU (EC/EMA)',
  'jp-mhlw': 'Japan (MHLW)',
  'uk-mhra': 'UK MHRA',
  'ca-hc': 'Health Canada',
  'cn-nmpa': 'China (NMPA)',
  'kr-mfds': 'Korea (MFDS)',
};

/** The order regulators are listed in everywhere: the schema's. */
export const REGULATOR_ORDER: readonly Regulator[] = REGULATORS;

export const INFECTION_LABEL: Record<Infection, string> = {
  'herpes-zoster': 'Herpes zoster',
  'herpes-simplex': 'Herpes simplex',
  'eczema-herpeticum': 'Eczema herpeticum',
  'opportunistic-other-than-tb-hz': 'Opportunistic infections other than tuberculosis and zoster (almost all eczema herpeticum)',
};

export const UNIT_LABEL = {
  'per-100-py': 'per 100 patient-years',
  'events-per-100-py': 'events per 100 patient-years',
  'patients-per-100-py': 'patients per 100 patient-years',
  'percent-of-patients': '% of patients',
} as const;

export const NAME_KIND_LABEL: Record<NameKind, string> = {
  inn: 'generic name',
  brand: 'brand',
  code: 'development code',
  salt: 'salt form',
  'other-script': 'name in another script',
  'other-language': 'name in another language',
  'former-name': 'former name',
  misspelling: 'misspelling seen in print',
};

export const KINASES: readonly Kinase[] = KINASE_CODES;

export const STATUS_LABEL = {
  verified: 'verified',
  secondary: 'secondary source only',
  'seed-only': 'single source, not confirmed elsewhere',
} as const;

export const GRADE_LABEL = { primary: 'primary', news: 'news/press', secondary: 'secondary' } as const;

/** "2021-09-24" -> "24 Sept 2021", "2021-09" -> "Sept 2021", "2021" -> "2021". */
export function formatIsoDate(iso: string): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
  const [year, month, day] = iso.split('-');
  if (!month) return year!;
  const name = months[Number(month) - 1]!;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/** The kind of evidence under a note, in a clinician's words. */
export const EVIDENCE_LABEL = {
  label: 'prescribing information',
  regulator: 'regulator',
  guideline: 'guideline',
  society: 'professional society',
  trial: 'trial',
  'meta-analysis': 'meta-analysis',
  observational: 'observational study',
  laboratory: 'laboratory study',
  review: 'review',
  letter: 'letter (authors’ suggestion)',
  opinion: 'expert opinion',
  news: 'news report',
  secondary: 'secondary source',
} as const;

export const LEVEL_LABEL = {
  main: 'main target',
  also: 'also inhibited',
  weaker: 'weaker',
  'not-reported': 'not reported',
} as const;

/** "First/second generation" is an informal label from reviews, not a regulatory class: shown as such. */
export function generationLabel(generation: 'first' | 'second'): string {
  return `“${generation} generation” in reviews (an informal label)`;
}

/** A name as a title: "baricitinib" becomes "Baricitinib". */
export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
