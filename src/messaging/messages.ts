import type { CardData } from '../data/card-data';
import { DRUG_IDS } from '../data/drug-ids';
import type { DrugId } from '../data/schema';
import type { Settings } from '../settings/settings';

// Every message between the extension's parts, in one map: each type's request
// and the answer it gets. Both ends check what they receive against the map's
// checks: pages cannot send these, but a content script left over from an older
// version can, and an answer may come from an older background.


export type Direction = 'next' | 'previous';

/** Keyboard commands declared in the manifest, and the direction each moves. */
export const COMMANDS: Record<string, Direction> = { 'next-mention': 'next', 'previous-mention': 'previous' };

/** How many times each drug is mentioned in one frame. */
export type MentionCounts = Partial<Record<DrugId, number>>;

/** The counts of every frame of a tab, by frame id. */
export type TabCounts = Record<string, MentionCounts>;

/** A PDF open in JAK Lens's viewer, as the popup lists it (the viewer reads every page in idle time). */
export interface DocumentSummary {
  pageCount: number;
  /** Pages read so far (the index grows from page 1 on). */
  pagesRead: number;
  /** False once every page has been read and none carries text (a scan). */
  hasText: boolean;
  /** Each drug named, most mentioned first, with the pages it is named on. */
  drugs: { drugId: DrugId; count: number; pages: number[] }[];
}

export interface MessageMap {
  /** Content script -> background: one drug's card data. */
  'jak-lens/card-data': { request: { drugId: DrugId }; response: CardData };
  /** Every-frame script -> background: this frame's text may name a drug; inject the page session. */
  'jak-lens/load-session': { request: object; response: true };
  /** Page session -> background: the settings, read and repaired there (pages carry no schema). */
  'jak-lens/settings': { request: object; response: Settings };
  /** Page session -> background: inject the card's code into this frame. */
  'jak-lens/load-card-ui': { request: object; response: true };
  /** Content script -> background, whenever a frame's counts change. */
  'jak-lens/page-counts': { request: { counts: MentionCounts }; response: true };
  /** Popup -> background: the counts of every frame of a tab. */
  'jak-lens/tab-counts': { request: { tabId: number }; response: TabCounts };
  /** Popup -> one frame: go to the next mention of this drug and open its card. */
  'jak-lens/reveal': { request: { drugId: DrugId }; response: boolean };
  /** PDF viewer -> background: "Open in the browser's viewer"; the tab's next PDF is not redirected. */
  'jak-lens/let-pdf-through': { request: object; response: true };
  /** Popup -> the PDF viewer showing in tab `tabId` (extension pages get no tab messages): its document's mentions. */
  'jak-lens/viewer-summary': { request: { tabId: number }; response: DocumentSummary };
  /** Popup or background -> that viewer: the next or previous mention (of one drug, when given), across pages, with its card. */
  'jak-lens/viewer-step': { request: { tabId: number; direction: Direction; drugId?: DrugId }; response: boolean };
  /** Background -> the top frame: the keyboard command for the next or previous mention. */
  'jak-lens/navigate': { request: { direction: Direction }; response: boolean };
}

export type MessageType = keyof MessageMap;
export type Request<T extends MessageType> = { type: T } & MessageMap[T]['request'];
export type Response<T extends MessageType> = MessageMap[T]['response'];

type Fields = Record<string, unknown>;
const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDrugId = (v: unknown): v is DrugId => (DRUG_IDS as readonly unknown[]).includes(v);
const isDirection = (v: unknown): v is Direction => v === 'next' || v === 'previous';
const isCounts = (v: unknown): v is MentionCounts =>
  isObject(v) && Object.entries(v).every(([k, n]) => isDrugId(k) && Number.isInteger(n) && (n as number) >= 0);

interface Checks<T extends MessageType> {
  request: (message: Fields) => boolean;
  response: (answer: unknown, request: Request<T>) => boolean;
}

const CHECKS: { [T in MessageType]: Checks<T> } = {
  'jak-lens/card-data': {
    request: (m) => isDrugId(m.drugId),
    // The card trusts this shape, so check the parts it reads first and the drug it was asked for.
    response: (a, req) => isObject(a) && isObject(a.drug) && a.drug.id === req.drugId && Array.isArray(a.sources) && isObject(a.classNotes) && isObject(a.caveats),
  },
  'jak-lens/load-session': { request: () => true, response: (a) => a === true },
  'jak-lens/settings': {
    request: () => true,
    // The background has validated them field by field; the page checks the parts it reads.
    response: (a) =>
      isObject(a) && typeof a.siteMode === 'string' && Array.isArray(a.sites) && isObject(a.nameKinds) && isObject(a.sections) && Array.isArray(a.regulators) && typeof a.dwellMs === 'number',
  },
  'jak-lens/load-card-ui': { request: () => true, response: (a) => a === true },
  'jak-lens/page-counts': { request: (m) => isCounts(m.counts), response: (a) => a === true },
  'jak-lens/tab-counts': {
    request: (m) => Number.isInteger(m.tabId),
    response: (a) => isObject(a) && Object.values(a).every(isCounts),
  },
  'jak-lens/let-pdf-through': { request: () => true, response: (a) => a === true },
  'jak-lens/reveal': { request: (m) => isDrugId(m.drugId), response: (a) => typeof a === 'boolean' },
  'jak-lens/navigate': { request: (m) => isDirection(m.direction), response: (a) => typeof a === 'boolean' },
  'jak-lens/viewer-summary': {
    request: (m) => Number.isInteger(m.tabId),
    response: (a) =>
      isObject(a) &&
      Number.isInteger(a.pageCount) &&
      Number.isInteger(a.pagesRead) &&
      typeof a.hasText === 'boolean' &&
      Array.isArray(a.drugs) &&
      a.drugs.every((d) => isObject(d) && isDrugId(d.drugId) && Number.isInteger(d.count) && Array.isArray(d.pages) && d.pages.every(Number.isInteger)),
  },
  'jak-lens/viewer-step': {
    request: (m) => Number.isInteger(m.tabId) && isDirection(m.direction) && (m.drugId === undefined || isDrugId(m.drugId)),
    response: (a) => typeof a === 'boolean',
  },
};

/** True when `message` is a well-formed request of this type. */
export function isRequest<T extends MessageType>(type: T, message: unknown): message is Request<T> {
  return isObject(message) && message.type === type && CHECKS[type].request(message);
}

/** The answer to `request`, or an error naming the message when the answer has the wrong shape. */
export function checkedResponse<T extends MessageType>(request: Request<T>, answer: unknown): Response<T> {
  if (!CHECKS[request.type].response(answer, request)) throw new Error(`Unexpected answer to ${request.type}`);
  return answer as Response<T>;
}

/** Per-drug totals over a tab's frames. */
export function totalCounts(frames: TabCounts): [DrugId, number][] {
  const total = new Map<DrugId, number>();
  for (const counts of Object.values(frames)) {
    for (const [id, n] of Object.entries(counts) as [DrugId, number][]) total.set(id, (total.get(id) ?? 0) + n);
  }
  return [...total].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
