/** Messages about the backup file (part of the one contract in protocol.ts). */
import type { BackupFile, BackupProblem } from '../backup/backup';

export type ImportBackupResult = { ok: true } | { ok: false; problems: BackupProblem[] };

export interface BackupProtocol {
  exportBackup(): BackupFile;
  /** Validates the file's text and, only when it is entirely valid, replaces all data with it. */
  importBackup(text: string): ImportBackupResult;
}
