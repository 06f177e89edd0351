/** The checklist's choices in storage.local, read and written without WXT's storage helper (the popup shows the checklist too). */
import { readKeys, writeKey } from '../storage/light';
import { ONBOARDING } from '../storage/keys';
import { readChoices, type OnboardingChoices } from './checklist';

export async function loadChoices(): Promise<OnboardingChoices> {
  const [stored] = await readKeys([ONBOARDING] as const);
  return readChoices(stored);
}

/** Changes the stored choices (read fresh, so two pages never undo each other's choice). */
export async function changeChoices(change: (c: OnboardingChoices) => OnboardingChoices): Promise<OnboardingChoices> {
  const next = change(await loadChoices());
  await writeKey(ONBOARDING, next);
  return next;
}
