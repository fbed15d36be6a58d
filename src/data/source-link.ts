import type { Source } from './schema';

/**
 * Where a reader opens a source: its DOI when it has one, else its first link, with what that link
 * is when it is not the document's own page (a staging copy, a search page, an index).
 */
export function sourceLink(source: Pick<Source, 'doi' | 'links' | 'linkNote'> | undefined): { href?: string; linkNote?: string } {
  if (source?.doi) return { href: `https://doi.org/${source.doi}` };
  const href = source?.links?.[0];
  if (!href) return {};
  return source.linkNote ? { href, linkNote: source.linkNote } : { href };
}
