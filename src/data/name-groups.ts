import type { NameKind } from './schema';

// The option groups names fall into. Plain values, apart from the names and
// from zod, so the settings can use them without loading either (the settings'
// schema builds its enum from this list).

/** The groups of names a user can choose to have marked on pages. */
export const NAME_GROUPS = ['generic', 'brand', 'code', 'otherScript', 'misspelling'] as const;
export type NameGroup = (typeof NAME_GROUPS)[number];

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

/** The names of the groups the user chose. */
export function inChosenGroups<N extends { kind: NameKind }>(names: readonly N[], groups: Record<NameGroup, boolean>): N[] {
  return names.filter((n) => groups[GROUP_OF_KIND[n.kind]]);
}
