/** Messages about "same templates on every computer" (part of the one contract in protocol.ts). */
import type { SyncStatus } from '../sync/status';

export interface SyncProtocol {
  /** Options page: whether sync is on, and how the last round went. */
  getSyncStatus(): SyncStatus;
  /** Turns sync on (and syncs at once) or off (this computer stops; its data stays). */
  setSyncEnabled(enabled: boolean): SyncStatus;
}
