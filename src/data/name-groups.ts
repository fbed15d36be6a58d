import { z } from 'zod/mini';
import { matchableNames, type NameEntry } from './names';
import type { NameKind } from './schema';

/** The groups of names a user can choose to have marked on pages. */
export const NameGroup = z.enum(['generic', 'brand', 'code', 'otherScript', 'misspelling']);
export type NameGroup = z.infer<typeof NameGroup>;
export const NAME_GROUPS = NameGroup.options;

/** Which option group each kind of name falls under: salts and former names go with the generic name. */
const GROUP_OF_KIND: Record<NameKind, NameGroup> = {
  inn: 'generic',
  salt: 'generic',
  'former-name': 'generic',
  'other-language': 'generic',
  brand: 'brand',
  code: 'code',
  'other-script': 'otherScript',
  misspelling: 'misspelling',
};

/** The names to mark under the user's choice of name groups. */
export function namesToMark(groups: Record<NameGroup, boolean>): NameEntry[] {
  return matchableNames().filter((n) => groups[GROUP_OF_KIND[n.kind]]);
}
