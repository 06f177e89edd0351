/**
 * The background's one queue helper: jobs run one at a time, in the order they were given, and
 * a failed job does not stop the next. Each job has a time limit: a job still running past it
 * (a hung API, a PBKDF2 with an absurd iteration count from a crafted backup) is failed with a
 * QueueTimeoutError and the queue moves on, so one job can never block the ones behind it
 * forever. The late job is not cancelled (JavaScript cannot stop a promise); its result is
 * dropped.
 */

/** Long enough for the slowest legitimate job on an old office PC (PBKDF2 on a slow CPU, a big restore). */
const DEFAULT_JOB_TIMEOUT_MS = 120_000;

export class QueueTimeoutError extends Error {
  override readonly name = 'QueueTimeoutError';
  constructor(readonly queue: string, readonly timeoutMs: number) {
    super(`A "${queue}" job ran longer than ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${timeoutMs / 1000} s`} and was given up; the jobs after it go on`);
  }
}

export type Queue = <T>(job: () => Promise<T>) => Promise<T>;

export interface QueueOptions {
  /** Named in the timeout error. */
  name: string;
  timeoutMs?: number;
}

export function createQueue({ name, timeoutMs = DEFAULT_JOB_TIMEOUT_MS }: QueueOptions): Queue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(() => withTimeout(job, name, timeoutMs));
    tail = run.catch(() => undefined);
    return run;
  };
}

function withTimeout<T>(job: () => Promise<T>, name: string, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueueTimeoutError(name, timeoutMs)), timeoutMs);
  });
  return Promise.race([Promise.resolve().then(job), limit]).finally(() => clearTimeout(timer));
}
