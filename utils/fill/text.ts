/** Comparing texts the way a person reads them. */

/** Spacing collapsed and trimmed. */
export function squash(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** Equal once spacing is collapsed and case ignored. */
export function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  return squash(a).toLocaleLowerCase('id') === squash(b).toLocaleLowerCase('id');
}
