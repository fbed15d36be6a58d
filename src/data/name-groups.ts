import { z } from 'zod/mini';
import type { NameKind } from './schema';

// The option groups names fall into. Apart from the names themselves, so the
// settings can use the groups without loading the names.

/** The groups of names a user can choose to have marked on pages. */
export const NameGroup = z.enum(['generic', 'brand', 'code', 'otherScript', 'misspelling']);
export type NameGroup = z.infer<typeof NameGroup>;
export const NAME_GROUPS = NameGroup.options;

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
