/**
 * Where the shared real-world conformance data lives (../shared/conformance beside the clone in
 * CI; CONFORMANCE_DIR overrides; /work/shared/conformance on the development machines, whose
 * worktrees have no ../shared). The data is never copied into the project (licences differ).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export const CONFORMANCE_DIR: string | undefined = [
  process.env.CONFORMANCE_DIR,
  resolve(ROOT, '../shared/conformance'),
  '/work/shared/conformance',
].find((d): d is string => !!d && existsSync(resolve(d, 'README.md')));

/** Why the suite is skipped, when it is (a clone without ../shared). */
export const SKIP_REASON = CONFORMANCE_DIR
  ? ''
  : 'no conformance data: put shared/conformance beside the clone (../shared) or set CONFORMANCE_DIR';
