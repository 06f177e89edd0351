import { useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n/i18n';
import { backupSummary, MAX_BACKUP_BYTES, parseBackup, tooLarge, type BackupProblem } from '@/utils/backup/backup';
import { sendMessage } from '@/utils/messaging/protocol';
import { localDate } from '@/utils/calendar/dates';
import { Region } from './Region';

export interface Props {
  /** Called after an import replaced the data, so the page shows the new values. */
  onImported: () => void;
  now?: () => Date;
}

type Pending = { text: string; fileName: string; summary: ReturnType<typeof backupSummary>; accountsKept: boolean };

export function problemText(p: BackupProblem): string {
  return t(p.code as MessageKey, [p.path, p.detail ?? '']);
}

/** "Cadangan": export everything to one JSON file; import it back after checking it whole. */
export function BackupSection({ onImported, now = () => new Date() }: Props) {
  const [problems, setProblems] = useState<BackupProblem[]>([]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState('');

  const doExport = async () => {
    const backup = await sendMessage('exportBackup');
    const blob = new Blob([JSON.stringify(backup, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `asisten-ekinerja-${localDate(now(), 'browser')}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    setMessage(t('backup_exported'));
  };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setMessage('');
    setPending(null);
    setProblems([]);
    if (!file) return;
    input.value = '';
    // Checked before reading: a huge file would fill the page's memory, then fail to reach the
    // background (the browser's message size limit) with no message at all.
    let parsed = file.size > MAX_BACKUP_BYTES ? tooLarge() : null;
    let text = '';
    if (!parsed) {
      try {
        text = await file.text();
      } catch {
        parsed = { ok: false, problems: [{ code: 'backup_not_json', path: '' }] };
      }
    }
    parsed ??= parseBackup(text);
    if (!parsed.ok) setProblems(parsed.problems);
    else setPending({ text, fileName: file.name, summary: backupSummary(parsed.backup), accountsKept: parsed.backup.data.accountsOmitted === true });
  };

  const confirmImport = async () => {
    if (!pending) return;
    let res;
    try {
      res = await sendMessage('importBackup', pending.text);
    } catch {
      setPending(null);
      setMessage(t('error_background'));
      return;
    }
    setPending(null);
    if (res.ok) {
      setMessage(t('backup_imported'));
      onImported();
    } else {
      setProblems(res.problems);
    }
  };

  return (
    <Region id="backup" title={t('options_backup_title')}>
      <p class="muted">{t('backup_help')}</p>
      <button type="button" onClick={() => void doExport()}>{t('backup_export')}</button>
      <label for="backup-file">{t('backup_choose_file')}</label>
      <input id="backup-file" type="file" accept="application/json,.json" onChange={(e) => void onFile(e.currentTarget)} />
      {problems.length > 0 && (
        <div role="alert" class="error">
          <p>{t('backup_problems_title')}</p>
          <ul>
            {problems.map((p, i) => <li key={i}>{problemText(p)}</li>)}
          </ul>
        </div>
      )}
      {pending && (
        <div class="confirm">
          <p>{t('backup_confirm', [pending.fileName, String(pending.summary.accounts), String(pending.summary.templates), String(pending.summary.reports), String(pending.summary.daysOff)])}</p>
          {pending.accountsKept && <p>{t('backup_accounts_kept')}</p>}
          <button type="button" class="danger" onClick={() => void confirmImport()}>{t('backup_confirm_button')}</button>
          <button type="button" onClick={() => setPending(null)}>{t('backup_cancel')}</button>
        </div>
      )}
      <p role="status" class="ok">{message}</p>
    </Region>
  );
}
