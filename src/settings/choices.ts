import { z } from 'zod/mini';

// The closed sets of choices a setting can hold. Each is a schema, and the
// lists and types the rest of the code uses are read from it, so a new choice
// is added in one place.

/** The card's sections a user can hide. The header is always shown. */
export const CardSection = z.enum(['selectivity', 'approval', 'boxedWarning', 'viralRisk', 'prophylaxis', 'sources']);
export type CardSection = z.infer<typeof CardSection>;
export const CARD_SECTIONS = CardSection.options;

/** Mark on every site but the listed ones, or only on the listed ones. */
export const SiteMode = z.enum(['all-except', 'only-listed']);
export type SiteMode = z.infer<typeof SiteMode>;

/** How a mention is painted. */
export const MarkStyle = z.enum(['underline', 'tint', 'none']);
export type MarkStyle = z.infer<typeof MarkStyle>;
