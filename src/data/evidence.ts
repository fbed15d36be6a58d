import { EVIDENCE_LABEL } from './labels';
import { EVIDENCE_KINDS } from './codes';
import type { EvidenceKind, Source, Status } from './schema';

// The kind of evidence under a note comes from what its sources are, in one place, so a note can
// never claim more than its sources: a news report of a label is a news report, a clinic page is
// a secondary source.

/** What one source counts as: its document kind, or for a news or low-grade source without one, its grade. */
function evidenceOfSource(source: Pick<Source, 'grade' | 'kind'>): EvidenceKind {
  return source.kind ?? (source.grade === 'news' ? 'news' : 'secondary');
}

/** Every kind of evidence among the cited sources, strongest first, each once. Unknown ids are skipped. */
export function evidenceOf(ids: readonly string[], sources: ReadonlyMap<string, Pick<Source, 'grade' | 'kind'>>): EvidenceKind[] {
  const kinds = new Set<EvidenceKind>();
  for (const id of ids) {
    const source = sources.get(id);
    if (source) kinds.add(evidenceOfSource(source));
  }
  return [...kinds].sort((a, b) => EVIDENCE_KINDS.indexOf(a) - EVIDENCE_KINDS.indexOf(b));
}

export function sourcesById<T extends { id: string }>(sources: readonly T[]): Map<string, T> {
  return new Map(sources.map((s) => [s.id, s]));
}

/**
 * The evidence a note shows, in a clinician's words: each kind among its sources, strongest first
 * ("prescribing information, news report"). A secondary page is left to the status, which already
 * says "secondary source only".
 */
export function evidenceLabel(thing: { sources: readonly string[]; status: Status }, sources: ReadonlyMap<string, Pick<Source, 'grade' | 'kind'>>): string | undefined {
  const kinds = evidenceOf(thing.sources, sources).filter((k) => !(k === 'secondary' && thing.status === 'secondary'));
  return kinds.length ? kinds.map((k) => EVIDENCE_LABEL[k]).join(', ') : undefined;
}
