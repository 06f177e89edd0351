/** The background's side of reminders: one pending alarm for the next reminder, notifications. */
import type { Capability, BackgroundDeps } from './capability';

export function remindersCapability(_deps: BackgroundDeps): Capability {
  return { handlers: {} };
}
