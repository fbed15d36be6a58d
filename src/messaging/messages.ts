import type { DrugId } from '../data/schema';
import { NAMES_BY_DRUG } from '../data/dataset/names';
import type { CardData } from '../card/card-data';

// The messages between the extension's parts. Every receiver checks a message's
// shape before acting on it: pages cannot send these, but a stale content
// script from an older version can.

/** The drugs JAK Lens knows, from the names every part of it already carries. */
export const DRUG_IDS = Object.keys(NAMES_BY_DRUG) as DrugId[];

export interface CardDataRequest {
  type: 'jak-lens/card-data';
  drugId: DrugId;
}
export type CardDataResponse = CardData;

export type Direction = 'next' | 'previous';
export interface NavigateRequest {
  type: 'jak-lens/navigate';
  direction: Direction;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function isCardDataRequest(message: unknown): message is CardDataRequest {
  return isObject(message) && message.type === 'jak-lens/card-data' && DRUG_IDS.includes(message.drugId as DrugId);
}

export function isNavigateRequest(message: unknown): message is NavigateRequest {
  return isObject(message) && message.type === 'jak-lens/navigate' && (message.direction === 'next' || message.direction === 'previous');
}

/** Keyboard commands declared in the manifest, and the direction each moves. */
export const COMMANDS: Record<string, Direction> = { 'next-mention': 'next', 'previous-mention': 'previous' };

/** How many times each drug is mentioned in one frame. */
export type MentionCounts = Partial<Record<DrugId, number>>;

/** Content script -> background, whenever a frame's counts change. */
export interface PageCountsReport {
  type: 'jak-lens/page-counts';
  counts: MentionCounts;
}

/** Popup -> background: the counts of every frame of a tab. */
export interface TabCountsRequest {
  type: 'jak-lens/tab-counts';
  tabId: number;
}
export type TabCountsResponse = Record<string, MentionCounts>;

/** Popup -> a tab's top frame: is JAK Lens running here? */
export interface PingRequest {
  type: 'jak-lens/ping';
}
export interface PingResponse {
  host: string;
  url: string;
  state: 'running' | 'paused' | 'opted-out';
}

/** Popup -> one frame: go to the next mention of this drug and open its card. */
export interface RevealRequest {
  type: 'jak-lens/reveal';
  drugId: DrugId;
}

const isCounts = (v: unknown): v is MentionCounts =>
  isObject(v) && Object.entries(v).every(([k, n]) => DRUG_IDS.includes(k as DrugId) && Number.isInteger(n) && (n as number) >= 0);

export function isPageCountsReport(message: unknown): message is PageCountsReport {
  return isObject(message) && message.type === 'jak-lens/page-counts' && isCounts(message.counts);
}

export function isTabCountsRequest(message: unknown): message is TabCountsRequest {
  return isObject(message) && message.type === 'jak-lens/tab-counts' && Number.isInteger(message.tabId);
}

export function isPingRequest(message: unknown): message is PingRequest {
  return isObject(message) && message.type === 'jak-lens/ping';
}

export function isRevealRequest(message: unknown): message is RevealRequest {
  return isObject(message) && message.type === 'jak-lens/reveal' && DRUG_IDS.includes(message.drugId as DrugId);
}

/** Per-drug totals over a tab's frames. */
export function totalCounts(frames: TabCountsResponse): [DrugId, number][] {
  const total = new Map<DrugId, number>();
  for (const counts of Object.values(frames)) {
    for (const [id, n] of Object.entries(counts) as [DrugId, number][]) total.set(id, (total.get(id) ?? 0) + n);
  }
  return [...total].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Content script -> background: inject the card's code into this frame. */
export interface LoadCardUiRequest {
  type: 'jak-lens/load-card-ui';
}

export function isLoadCardUiRequest(message: unknown): message is LoadCardUiRequest {
  return isObject(message) && message.type === 'jak-lens/load-card-ui';
}
