/** The background's side of MFA accounts and the vault. */
import type { Capability, BackgroundDeps } from './capability';

export function accountsCapability(_deps: BackgroundDeps): Capability {
  return { handlers: {} };
}
