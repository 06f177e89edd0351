/**
 * Small text helpers shared across utils/ (comparing texts the way a person reads them).
 * Put a tiny, dependency-free text or format helper here when two capabilities need it.
 */

/** Spacing collapsed and trimmed. */
export function squash(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** Equal once spacing is collapsed and case ignored. */
export function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  return squash(a).toLocaleLowerCase('id') === squash(b).toLocaleLowerCase('id');
}
