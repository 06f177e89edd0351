/**
 * Property tests (fast-check) run hundreds of cases: on a busy 2-core machine that takes far
 * longer than vitest's 5 s default. Each property test passes this as its explicit timeout; the
 * properties themselves keep their full number of runs.
 */
export const PROPERTY_TIMEOUT_MS = 60_000;
