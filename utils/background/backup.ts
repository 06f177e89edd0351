/** The background's side of the backup file: export, and a checked restore that replaces everything. */
import { applyBackup, exportBackup, parseBackup } from '../backup/backup';
import type { BackupProtocol } from '../messaging/backup';
import type { BackgroundDeps, Capability } from './capability';

export function backupCapability({ db, now, refresh, exclusive }: BackgroundDeps): Capability<keyof BackupProtocol> {
  return {
    handlers: {
      async exportBackup() {
        return exportBackup(await db(), now());
      },
      async importBackup(text) {
        const parsed = parseBackup(text);
        if (!parsed.ok) return parsed;
        // In the exclusive queue: an MFA or vault change must not interleave with the restore.
        await exclusive(async () => applyBackup(await db(), parsed.backup));
        await refresh();
        return { ok: true };
      },
    },
  };
}
