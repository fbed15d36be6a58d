// The dataset's code lists, as plain values: the schema builds its enums from them, and the
// card, the labels and the settings read them without loading zod (the card's code is injected
// into pages, where every kilobyte is compiled on the reader's time).

export const REGULATORS = ['us-fda', 'eu-ec', 'jp-mhlw', 'uk-mhra', 'ca-hc', 'cn-nmpa', 'kr-mfds'] as const;
export type Regulator = (typeof REGULATORS)[number];

export const KINASES = ['JAK1', 'JAK2', 'JAK3', 'TYK2'] as const;
export type Kinase = (typeof KINASES)[number];

/** What a source is, strongest first. Every primary source says; a news or secondary source may say no more than "opinion". */
export const DOCUMENT_KINDS = [
  'label',
  'regulator',
  'guideline',
  'society',
  'trial',
  'meta-analysis',
  'observational',
  'laboratory',
  'review',
  'letter',
  'opinion',
  'news',
] as const;

/**
 * What kind of evidence a note rests on, strongest first: the kinds of the sources it cites
 * (src/data/evidence.ts derives it; no note states its own). "secondary" is a low-grade page.
 */
export const EVIDENCE_KINDS = [...DOCUMENT_KINDS, 'secondary'] as const;
