declare module 'virtual:jak-lens/markable-names' {
  import type { MatchableName } from '@/src/match/find-mentions';
  /** Every spelling that may be marked, computed at build time (scripts/lib/markable-names-plugin.ts). */
  const texts: string[];
  export default texts;
  /** The same names with the drug and kind each one names. */
  export const entries: MatchableName[];
}
