/**
 * Backup: everything in the database as one versioned JSON file (see FORMAT.md beside this
 * file). `parseBackup` is pure and checks the whole file before anything is written;
 * `applyBackup` replaces all data in one transaction.
 */
import { SETTINGS_KEY, STORE_NAMES, DAY_OFF_KINDS, type AccountRecord, type DayOffRecord, type ReportRecord, type TemplateRecord } from '../db/schema';
import type { Db } from '../db/db';
import { checkSettings, type Settings } from '../settings/settings';

export const BACKUP_FORMAT = 'asisten-ekinerja-backup';
export const BACKUP_VERSION = 1;

export interface BackupData {
  accounts: AccountRecord[];
  templates: TemplateRecord[];
  reports: ReportRecord[];
  daysOff: DayOffRecord[];
  settings: Partial<Settings>;
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  data: BackupData;
}

/** One thing wrong with a backup file. `code` is an i18n message key; `path` points into the file. */
export interface BackupProblem {
  code:
    | 'backup_not_json'
    | 'backup_wrong_format'
    | 'backup_newer_version'
    | 'backup_missing_field'
    | 'backup_wrong_type'
    | 'backup_invalid_value'
    | 'backup_duplicate_key';
  path: string;
  /** Extra detail for the message: the expected type, the version found, the repeated key. */
  detail?: string;
}

export type ParseResult = { ok: true; backup: BackupFile } | { ok: false; problems: BackupProblem[] };

// ---- field checks -------------------------------------------------------------------------

type Check = { type: string; test: (v: unknown) => boolean };
const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

const str: Check = { type: 'string', test: (v) => typeof v === 'string' };
const nonEmpty: Check = { type: 'string', test: (v) => typeof v === 'string' && v.trim() !== '' };
const bool: Check = { type: 'boolean', test: (v) => typeof v === 'boolean' };
const num: Check = { type: 'number', test: (v) => typeof v === 'number' && Number.isFinite(v) };
const date: Check = { type: 'YYYY-MM-DD', test: (v) => typeof v === 'string' && DATE_RE.test(v) };
const time: Check = { type: 'HH:mm', test: (v) => typeof v === 'string' && TIME_RE.test(v) };
const oneOf = (...values: readonly unknown[]): Check => ({ type: values.join(' | '), test: (v) => values.includes(v) });
const weekdays: Check = {
  type: 'number[] (1–7)',
  test: (v) => Array.isArray(v) && v.every((d) => Number.isInteger(d) && d >= 1 && d <= 7),
};

type Spec = Record<string, Check>;
const SPECS: Record<Exclude<(typeof STORE_NAMES)[number], 'settings'>, { key: string; spec: Spec }> = {
  accounts: {
    key: 'id',
    spec: {
      id: nonEmpty, issuer: str, account: str, secret: nonEmpty,
      algorithm: oneOf('SHA1', 'SHA256', 'SHA512'), digits: oneOf(6, 8), period: num,
      order: num, pinned: bool, createdAt: str,
    },
  },
  templates: {
    key: 'id',
    spec: {
      id: nonEmpty, name: nonEmpty, rencanaAksi: str, jamMulai: time, jamSelesai: time, kegiatan: str,
      realisasi: num, satuan: str, buktiDukung: str, weekdays, isDefault: bool, order: num,
    },
  },
  reports: {
    key: 'date',
    spec: { date, status: oneOf('reported', 'not-reported'), source: oneOf('site', 'observed', 'manual'), at: str },
  },
  daysOff: { key: 'id', spec: { id: nonEmpty, start: date, end: date, kind: oneOf(...DAY_OFF_KINDS), note: str } },
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkRecord(rec: unknown, spec: Spec, path: string, problems: BackupProblem[]): void {
  if (!isObject(rec)) {
    problems.push({ code: 'backup_wrong_type', path, detail: 'object' });
    return;
  }
  for (const [field, check] of Object.entries(spec)) {
    const p = `${path}.${field}`;
    if (!(field in rec)) problems.push({ code: 'backup_missing_field', path: p });
    else if (!check.test(rec[field])) problems.push({ code: 'backup_wrong_type', path: p, detail: check.type });
  }
}

/** Reads a backup file's text. Every problem is listed; nothing is written. */
export function parseBackup(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ code: 'backup_not_json', path: '' }] };
  }
  if (!isObject(json) || json.format !== BACKUP_FORMAT) {
    return { ok: false, problems: [{ code: 'backup_wrong_format', path: 'format' }] };
  }
  const problems: BackupProblem[] = [];
  const version = json.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    problems.push({ code: 'backup_wrong_type', path: 'version', detail: 'integer ≥ 1' });
  } else if (version > BACKUP_VERSION) {
    return { ok: false, problems: [{ code: 'backup_newer_version', path: 'version', detail: String(version) }] };
  }
  if (!('exportedAt' in json)) problems.push({ code: 'backup_missing_field', path: 'exportedAt' });
  const data = json.data;
  if (!isObject(data)) {
    problems.push(data === undefined
      ? { code: 'backup_missing_field', path: 'data' }
      : { code: 'backup_wrong_type', path: 'data', detail: 'object' });
    return { ok: false, problems };
  }
  for (const [store, { key, spec }] of Object.entries(SPECS)) {
    const list = data[store];
    const path = `data.${store}`;
    if (list === undefined) { problems.push({ code: 'backup_missing_field', path }); continue; }
    if (!Array.isArray(list)) { problems.push({ code: 'backup_wrong_type', path, detail: 'array' }); continue; }
    const seen = new Set<unknown>();
    list.forEach((rec: unknown, i) => {
      checkRecord(rec, spec, `${path}[${i}]`, problems);
      if (isObject(rec) && rec[key] !== undefined) {
        if (seen.has(rec[key])) problems.push({ code: 'backup_duplicate_key', path: `${path}[${i}].${key}`, detail: String(rec[key]) });
        seen.add(rec[key]);
      }
    });
    if (store === 'daysOff') {
      list.forEach((rec: unknown, i) => {
        if (isObject(rec) && date.test(rec.start) && date.test(rec.end) && String(rec.end) < String(rec.start)) {
          problems.push({ code: 'backup_invalid_value', path: `${path}[${i}].end` });
        }
      });
    }
  }
  const settings = data.settings;
  if (settings === undefined) problems.push({ code: 'backup_missing_field', path: 'data.settings' });
  else if (!isObject(settings)) problems.push({ code: 'backup_wrong_type', path: 'data.settings', detail: 'object' });
  else for (const p of checkSettings(settings)) problems.push({ code: 'backup_invalid_value', path: `data.settings.${p.field}` });

  if (problems.length) return { ok: false, problems };
  return { ok: true, backup: json as unknown as BackupFile };
}

/** Everything in the database, as a backup file. */
export async function exportBackup(db: Db, now: Date): Promise<BackupFile> {
  const tx = db.transaction(STORE_NAMES, 'readonly');
  const [accounts, templates, reports, daysOff, settings] = await Promise.all([
    tx.objectStore('accounts').getAll(),
    tx.objectStore('templates').getAll(),
    tx.objectStore('reports').getAll(),
    tx.objectStore('daysOff').getAll(),
    tx.objectStore('settings').get(SETTINGS_KEY),
  ]);
  await tx.done;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    data: { accounts, templates, reports, daysOff, settings: settings ?? {} },
  };
}

/** Replaces all data with the backup's, in one transaction: all of it lands, or none. */
export async function applyBackup(db: Db, backup: BackupFile): Promise<void> {
  const tx = db.transaction(STORE_NAMES, 'readwrite');
  const d = backup.data;
  const writes: Promise<unknown>[] = [];
  try {
    // A request can fail synchronously (e.g. a record without its key): abort then, so the
    // clears already queued roll back with it.
    for (const s of STORE_NAMES) writes.push(tx.objectStore(s).clear());
    for (const r of d.accounts) writes.push(tx.objectStore('accounts').put(r));
    for (const r of d.templates) writes.push(tx.objectStore('templates').put(r));
    for (const r of d.reports) writes.push(tx.objectStore('reports').put(r));
    for (const r of d.daysOff) writes.push(tx.objectStore('daysOff').put(r));
    writes.push(tx.objectStore('settings').put(d.settings, SETTINGS_KEY));
    await Promise.all([...writes, tx.done]);
  } catch (err) {
    try { tx.abort(); } catch { /* already finished */ }
    await Promise.allSettled([...writes, tx.done]);
    throw err;
  }
}

/** Counts shown to the user before an import replaces their data. */
export function backupSummary(b: BackupFile): Record<'accounts' | 'templates' | 'reports' | 'daysOff', number> {
  return {
    accounts: b.data.accounts.length,
    templates: b.data.templates.length,
    reports: b.data.reports.length,
    daysOff: b.data.daysOff.length,
  };
}
