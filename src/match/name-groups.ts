import type { NameKind } from '../data/schema';
import { matchableNames, type NameEntry } from '../data/names';
import type { NameGroup, Settings } from '../settings/settings';

/** Which option group each kind of name falls under: salts and former names go with the generic name. */
export const GROUP_OF_KIND: Record<NameKind, NameGroup> = {
  inn: 'generic',
  salt: 'generic',
  'former-name': 'generic',
  'other-language': 'generic',
  brand: 'brand',
  code: 'code',
  'other-script': 'otherScript',
  misspelling: 'misspelling',
};

/** The names to mark under the user's choice of name kinds. */
export function namesToMark(kinds: Settings['nameKinds']): NameEntry[] {
  return matchableNames().filter((n) => kinds[GROUP_OF_KIND[n.kind]]);
}
