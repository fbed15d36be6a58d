// Character classes the first pass, the matcher and the text model agree on.

/**
 * Characters that can sit inside a word on the web without being seen:
 * soft hyphen, zero-width space/non-joiner/joiner, word joiner, BOM.
 */
export const INVISIBLE_CHARS = '\u00AD\u200B\u200C\u200D\u2060\uFEFF';
const unicodeEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
// Written as \u escapes: a class holding the zero-width joiner itself reads as a joined sequence.
export const INVISIBLE = new RegExp(`[${[...INVISIBLE_CHARS].map(unicodeEscape).join('')}]`, 'g');
/** Chinese and Japanese script: names in it have no word boundaries to match on. */
export const CJK = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u;
