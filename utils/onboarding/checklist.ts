/**
 * The first-run checklist (issue 10, issue 12 finding 2): the vault passphrase FIRST (a secret
 * written before a passphrase can stay in the browser's disk files), then an MFA account, the
 * first template, and the deadline and zone. Each step's progress comes from the real state;
 * a step can be skipped (and taken up again) and the whole list put away.
 */
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings';

export const STEPS = ['passphrase', 'account', 'template', 'schedule'] as const;
export type StepId = (typeof STEPS)[number];

/** What the user chose about the checklist (storage.local, utils/storage/keys.ts ONBOARDING). */
export interface OnboardingChoices {
  /** Steps the user skipped ("Lewati"). */
  skipped: StepId[];
  /** The user said the deadline and zone are right as they are. */
  scheduleConfirmed: boolean;
  /** The warning about adding an account before a passphrase was shown (it is shown once). */
  noPassphraseWarned: boolean;
}

export const NO_CHOICES: OnboardingChoices = { skipped: [], scheduleConfirmed: false, noPassphraseWarned: false };

/** The real state the steps are read from. */
export interface OnboardingFacts {
  vaultMode: 'none' | 'locked' | 'unlocked';
  accounts: number;
  templates: number;
  settings: Pick<Settings, 'targetTime' | 'zone'>;
  choices: OnboardingChoices;
}

export type StepState = 'done' | 'skipped' | 'todo';

export interface Checklist {
  steps: { id: StepId; state: StepState }[];
  /** The first step neither done nor skipped (null when none is left). */
  next: StepId | null;
  /** Steps neither done nor skipped. */
  left: number;
  /** Steps done. */
  done: number;
}

/** Whether a step is done, from the facts alone. */
export function stepDone(id: StepId, f: OnboardingFacts): boolean {
  switch (id) {
    case 'passphrase':
      return f.vaultMode !== 'none';
    case 'account':
      return f.accounts > 0;
    case 'template':
      return f.templates > 0;
    case 'schedule':
      return f.choices.scheduleConfirmed || f.settings.targetTime !== DEFAULT_SETTINGS.targetTime || f.settings.zone !== DEFAULT_SETTINGS.zone;
  }
}

export function checklist(f: OnboardingFacts): Checklist {
  const steps = STEPS.map((id) => ({
    id,
    state: (stepDone(id, f) ? 'done' : f.choices.skipped.includes(id) ? 'skipped' : 'todo') as StepState,
  }));
  const todo = steps.filter((s) => s.state === 'todo');
  return { steps, next: todo[0]?.id ?? null, left: todo.length, done: steps.filter((s) => s.state === 'done').length };
}

/** The choices after skipping (or taking up again) a step. */
export function skip(choices: OnboardingChoices, id: StepId, skipped = true): OnboardingChoices {
  const rest = choices.skipped.filter((s) => s !== id);
  return { ...choices, skipped: skipped ? [...rest, id] : rest };
}

/** Stored choices made safe to use (a missing, old or damaged value gives the defaults). */
export function readChoices(stored: unknown): OnboardingChoices {
  if (!stored || typeof stored !== 'object') return NO_CHOICES;
  const s = stored as Record<string, unknown>;
  return {
    skipped: Array.isArray(s.skipped) ? STEPS.filter((id) => (s.skipped as unknown[]).includes(id)) : [],
    scheduleConfirmed: s.scheduleConfirmed === true,
    noPassphraseWarned: s.noPassphraseWarned === true,
  };
}
