import { z } from 'zod/mini';
import { DOCUMENT_KINDS, EVIDENCE_KINDS, KINASES, REGULATORS } from './codes';
import { DRUG_IDS } from './drug-ids';

export { DOCUMENT_KINDS, EVIDENCE_KINDS };
export const Regulator = z.enum(REGULATORS);
export type Regulator = z.infer<typeof Regulator>;
export const Kinase = z.enum(KINASES);
export type Kinase = z.infer<typeof Kinase>;

// The shape of the bundled reference. The TypeScript types are inferred from
// these schemas; test/unit/data/dataset.test.ts parses the shipped data with them.

const nonEmpty = () => z.string().check(z.trim(), z.minLength(1));

/** ISO 8601 date at the precision the source gives: 2021, 2021-09 or 2021-09-24. */
export const IsoDate = z.string().check(z.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'ISO date: YYYY, YYYY-MM or YYYY-MM-DD'));

export const SourceId = z.string().check(z.regex(/^S\d+[a-z]?$/, 'source ids look like S3 or S3b'));

/** The reference's grade of a source: P (label, regulator, peer-reviewed paper), N (news or press), S (low-grade page). */
export const SourceGrade = z.enum(['primary', 'news', 'secondary']);

export const DocumentKind = z.enum(DOCUMENT_KINDS);
const WEAK_KINDS: readonly string[] = ['letter', 'opinion', 'news'];

export const Source = z
  .strictObject({
    id: SourceId,
    /** The citation as the reference gives it: authors or publisher, title, journal or site, date. */
    citation: nonEmpty(),
    year: z.optional(z.string().check(z.regex(/^\d{4}$/))),
    /** Where the reference read it (some are mirrors of the canonical page), first link first. */
    links: z.optional(z.array(z.string().check(z.regex(/^https?:\/\/\S+$/))).check(z.minLength(1))),
    /** What the first link is when it is not the document's own page (a staging copy, a search page, an index). */
    linkNote: z.optional(nonEmpty()),
    doi: z.optional(z.string().check(z.regex(/^10\.\d{4,9}\/\S+$/))),
    grade: SourceGrade,
    kind: z.optional(DocumentKind),
  })
  .check(
    z.refine((s) => s.grade !== 'primary' || s.kind !== undefined, 'a primary source says what kind of document it is'),
    z.refine((s) => s.grade === 'primary' || s.kind === undefined || WEAK_KINDS.includes(s.kind), 'a news or secondary source counts as no more than news or opinion, whatever it reprints'),
  );

export const EvidenceKind = z.enum(EVIDENCE_KINDS);

/**
 * How far the reference could confirm a fact. UNVERIFIED facts are never in the
 * dataset; CONFLICTs are modelled as Conflict objects with both sides.
 */
export const Status = z.enum(['verified', 'secondary', 'seed-only']);


export const Category = z.enum(['names', 'profile', 'selectivity', 'approval', 'boxed-warning', 'viral-risk', 'prophylaxis']);

const sourced = {
  sources: z.array(SourceId).check(z.minLength(1)),
  status: Status,
};

export const Note = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
  text: nonEmpty(),
  /** The region or regulator the note is about, when it is region-specific. */
  regulator: z.optional(Regulator),
  ...sourced,
});

export const ConflictSide = z.strictObject({
  position: nonEmpty(),
  ...sourced,
});

export const Conflict = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
  category: Category,
  topic: nonEmpty(),
  sides: z.array(ConflictSide).check(z.minLength(2)),
  /** What a reader should take from the disagreement; never picks a side the reference does not. */
  takeaway: nonEmpty(),
});

/** A section with nothing to show still says why. */
export const NoData = z.strictObject({
  reason: nonEmpty(),
  sources: z.optional(z.array(SourceId)),
});

export const NameKind = z.enum(['inn', 'brand', 'code', 'salt', 'other-script', 'other-language', 'former-name', 'misspelling']);

export const DrugName = z.strictObject({
  text: nonEmpty(),
  kind: NameKind,
  /** Spelling variants a page may use for the same name (e.g. CP-690550 for CP-690,550). */
  variants: z.optional(z.array(nonEmpty())),
  /** Where the name is used, e.g. "US" or "Japan". */
  regions: z.optional(z.array(nonEmpty())),
  /** BCP 47 language of a name in another language or script. */
  lang: z.optional(nonEmpty()),
  note: z.optional(nonEmpty()),
  /** False for names listed on the card but too ambiguous to mark on pages. */
  match: z.optional(z.boolean()),
  sources: z.array(SourceId).check(z.minLength(1)),
  status: Status,
});

/** How strongly a kinase is inhibited, as the sources describe it. */
export const InhibitionLevel = z.enum(['main', 'also', 'weaker', 'not-reported']);

/** One chip of the card: how strongly a kinase is inhibited, with the sources that say so (none when not reported). */
export const KinaseLevel = z
  .strictObject({ level: InhibitionLevel, sources: z.optional(z.array(SourceId).check(z.minLength(1))), status: z.optional(Status) })
  .check(
    z.refine((k) => (k.level === 'not-reported') === (k.sources === undefined && k.status === undefined), 'a reported level has sources and a status; "not reported" has neither'),
  );

export const SelectivityFigure = z.strictObject({
  kinase: Kinase,
  /** Exactly as the source states it, e.g. "29 nM", ">10,000 nM", "about 28-fold". */
  value: nonEmpty(),
  measure: z.enum(['ic50', 'fold-selectivity']),
});

export const SelectivityAssay = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
  assay: nonEmpty(),
  figures: z.array(SelectivityFigure).check(z.minLength(1)),
  ...sourced,
});

export const Selectivity = z.strictObject({
  summary: Note,
  levels: z.strictObject({ JAK1: KinaseLevel, JAK2: KinaseLevel, JAK3: KinaseLevel, TYK2: KinaseLevel }),
  assays: z.array(SelectivityAssay),
  notes: z.array(Note),
});

export const AdApprovalState = z.enum(['approved', 'not-approved']);

export const AdApproval = z.strictObject({
  regulator: Regulator,
  product: z.optional(nonEmpty()),
  state: AdApprovalState,
  date: z.optional(IsoDate),
  /** Context for the date: opinion dates, launch dates, or why the exact day is not given. */
  dateNote: z.optional(nonEmpty()),
  /** Who the approval covers now, after every extension below. */
  population: z.optional(nonEmpty()),
  /** Who it covered when first approved, when that has since been widened: shown as history. */
  populationAtApproval: z.optional(nonEmpty()),
  restrictions: z.optional(nonEmpty()),
  /** Extensions to new populations, each with its own date and source. */
  extensions: z.optional(
    z.array(z.strictObject({ date: z.optional(IsoDate), text: nonEmpty(), ...sourced })),
  ),
  ...sourced,
});

export const Indication = z.strictObject({
  regulator: Regulator,
  product: z.optional(nonEmpty()),
  indication: nonEmpty(),
  date: z.optional(IsoDate),
  detail: z.optional(nonEmpty()),
  ...sourced,
});

export const BoxedWarning = z.strictObject({
  product: nonEmpty(),
  present: z.boolean(),
  covers: nonEmpty(),
  ...sourced,
});

/**
 * What a figure counts, as its source measured it. 'opportunistic-other-than-tb-hz' is how Rising Up
 * reported its later eczema herpeticum figures: opportunistic infections other than tuberculosis
 * and zoster, almost all of them eczema herpeticum.
 */
export const Infection = z.enum(['herpes-zoster', 'herpes-simplex', 'eczema-herpeticum', 'opportunistic-other-than-tb-hz']);

/** 'per-100-py' is an incidence rate per 100 patient-years where the source does not say events or patients. */
export const RateUnit = z.enum(['per-100-py', 'events-per-100-py', 'patients-per-100-py', 'percent-of-patients']);

export const ViralFigure = z.strictObject({
  infection: Infection,
  /** The arm, e.g. "100 mg", "placebo", "all doses". */
  arm: nonEmpty(),
  /** As printed by the source, never rounded: "2.04", "7.20", "0", or a range "2.2–7.1". */
  rate: z.string().check(z.regex(/^\d+(\.\d+)?(–\d+(\.\d+)?)?$/)),
  unit: RateUnit,
  /** Who and when: the analysis, its population and its follow-up. */
  population: nonEmpty(),
  ...sourced,
});

const sectionWith = <T extends z.ZodMiniType>(items: T) =>
  z.strictObject({ items: z.array(items), noData: z.optional(NoData) }).check(
    z.refine((s) => s.items.length > 0 || s.noData !== undefined, 'a section needs items or an explicit noData'),
  );

export const Drug = z.strictObject({
  id: z.enum(DRUG_IDS),
  inn: nonEmpty(),
  names: z.array(DrugName).check(z.minLength(1)),
  profile: z.strictObject({
    drugClass: nonEmpty(),
    generation: z.enum(['first', 'second']),
    routes: z.array(z.enum(['oral', 'topical'])).check(z.minLength(1)),
    notes: z.array(Note).check(z.minLength(1)),
    dosing: sectionWith(Note),
  }),
  selectivity: Selectivity,
  approval: z.strictObject({
    atopicDermatitis: sectionWith(AdApproval),
    otherIndications: sectionWith(Indication),
    notes: z.array(Note),
  }),
  boxedWarning: z.array(BoxedWarning).check(z.minLength(1)),
  viralRisk: z.strictObject({ figures: sectionWith(ViralFigure), notes: z.array(Note) }),
  prophylaxis: sectionWith(Note),
  conflicts: z.array(Conflict),
});

export const Dataset = z.strictObject({
  version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/)),
  factsCurrentAsOf: IsoDate,
  drugs: z.array(Drug).check(z.length(6)),
  /** Notes that hold for the whole class, shown on every card in their category. */
  classNotes: z.strictObject({
    approval: z.array(Note),
    boxedWarning: z.array(Note),
    viralRisk: z.array(Note),
    prophylaxis: z.array(Note),
  }),
  classConflicts: z.array(Conflict),
  /** Reading notes from the reference itself (not facts about a drug), shown beside the figures they qualify. */
  caveats: z.strictObject({ selectivity: nonEmpty(), crossTrial: nonEmpty() }),
  sources: z.array(Source).check(z.minLength(1)),
});

export type Source = z.infer<typeof Source>;
export type Note = z.infer<typeof Note>;
export type Conflict = z.infer<typeof Conflict>;
export type DrugName = z.infer<typeof DrugName>;
export type NameKind = z.infer<typeof NameKind>;
export type Drug = z.infer<typeof Drug>;
export type DrugId = Drug['id'];
export type Dataset = z.infer<typeof Dataset>;
export type ViralFigure = z.infer<typeof ViralFigure>;
export type AdApproval = z.infer<typeof AdApproval>;
export type Infection = z.infer<typeof Infection>;
export type Status = z.infer<typeof Status>;
export type EvidenceKind = z.infer<typeof EvidenceKind>;
export type Indication = z.infer<typeof Indication>;
export type BoxedWarning = z.infer<typeof BoxedWarning>;
export type SelectivityAssay = z.infer<typeof SelectivityAssay>;
export type InhibitionLevel = z.infer<typeof InhibitionLevel>;
