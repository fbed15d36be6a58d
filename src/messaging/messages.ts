import type { DrugId } from '../data/schema';
import type { CardData } from '../card/card-data';

// The messages between the extension's parts. Every receiver checks a message's
// shape before acting on it: pages cannot send these, but a stale content
// script from an older version can.

export const DRUG_IDS: readonly DrugId[] = ['abrocitinib', 'upadacitinib', 'baricitinib', 'ruxolitinib', 'delgocitinib', 'tofacitinib'];

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
