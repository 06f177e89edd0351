/**
 * What the options page shows about sync: whether it is on on this computer, and how the last
 * round went (utils/sync/engine.ts SyncOutcome, with its time). Kept in storage.local
 * (utils/storage/items.ts), per computer — the switch itself never syncs.
 */
import type { SyncOutcome } from './engine';

export interface SyncStatus {
  enabled: boolean;
  /** The last round's outcome and when it ended (ISO); null before the first round. */
  last: (SyncOutcome & { at: string }) | null;
  /** The browser has no sync storage (e.g. some Firefox set-ups): nothing can sync. */
  unavailable?: boolean;
}
