/**
 * Backup: everything in the database as one versioned JSON file (see FORMAT.md beside this
 * file). `parseBackup` is pure and checks the whole file before anything is written;
 * `applyBackup` replaces all data in one transaction.
 *
 * MFA secrets travel only encrypted (version 2): sealed with the vault's key when a passphrase
 * is set, or with a backup passphrase; without either, the accounts are left out
 * (`accountsOmitted`), and restoring such a file keeps the accounts already there.
 */
import {
  SETTINGS_KEY,
  STORE_NAMES,
  DAY_OFF_KINDS,
  VAULT_KEY,
  type DayOffRecord,
  type ReportRecord,
  type StoredAccountRecord,
  type TemplateRecord,
  type VaultRecord,
} from '../db/schema';
import { writeAllOrNothing, type Db } from '../db/db';
import { checkSettings, type Settings } from '../settings/settings';
import { encryptSecret, iterationsInRange } from '../vault/crypto';
import { isDateShaped, isTime, isValidDate } from '../calendar/dates';
import { checkEntry, type JurnalEntry } from '../jurnal/entry';

export const BACKUP_FORMAT = 'asisten-ekinerja-backup';
export const BACKUP_VERSION = 3;
/**
 * The largest backup file read (bytes; checked before reading or parsing it). A real backup is
 * far smaller: ten years of daily reports are ~400 KB, a hundred templates ~100 KB, fifty MFA
 * accounts ~25 KB. 5 MB leaves ten times that, stays far below the browser's 64 MB message limit
 * (a 70 MB file failed there, with no message) and parses in a blink on an office PC.
 */
export const MAX_BACKUP_BYTES = 5 * 1024 * 1024;

export interface BackupData {
  /** Version 2: each with `sealed` (never `secret`). Version 1 files had plain `secret`s. */
  accounts: StoredAccountRecord[];
  templates: TemplateRecord[];
  reports: ReportRecord[];
  daysOff: DayOffRecord[];
  settings: Partial<Settings>;
  /** The Jurnal (version 3). Absent in older files: restoring one keeps the Jurnal already here. */
  jurnal?: JurnalEntry[];
  /** The key check of the passphrase that sealed the accounts; null when there are none. Absent in version 1. */
  vault?: VaultRecord | null;
  /**
   * true: the accounts were left out (nothing to seal them with), so `accounts` is empty and
   * `vault` null; restoring keeps the current accounts and vault. Absent otherwise.
   */
  accountsOmitted?: boolean;
}

/** The key and its check that seal a backup's secrets when the vault has no passphrase. */
export interface BackupProtection {
  record: VaultRecord;
  key: CryptoKey;
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
    | 'backup_invalid_date'
    | 'backup_iterations'
    | 'backup_too_large'
    | 'backup_duplicate_key';
  path: string;
  /** Extra detail for the message: the expected type, the version found, the repeated key. */
  detail?: string;
}

export type ParseResult = { ok: true; backup: BackupFile } | { ok: false; problems: BackupProblem[] };

// ---- field checks -------------------------------------------------------------------------

/** A field check; exported with the checks below for the background's message boundary (utils/background/payloads.ts). */
export type Check = { type: string; test: (v: unknown) => boolean };

export const str: Check = { type: 'string', test: (v) => typeof v === 'string' };
export const nonEmpty: Check = { type: 'string', test: (v) => typeof v === 'string' && v.trim() !== '' };
export const bool: Check = { type: 'boolean', test: (v) => typeof v === 'boolean' };
const num: Check = { type: 'number', test: (v) => typeof v === 'number' && Number.isFinite(v) };
export const date: Check = { type: 'YYYY-MM-DD', test: isDateShaped };
/** A date that is written right but does not exist (2026-02-30); checked after `date`. */
const realDate = (v: unknown): boolean => !isDateShaped(v) || isValidDate(v);
const time: Check = { type: 'HH:mm', test: isTime };
export const oneOf = (...values: readonly unknown[]): Check => ({ type: values.join(' | '), test: (v) => values.includes(v) });
const weekdays: Check = {
  type: 'number[] (1–7)',
  test: (v) => Array.isArray(v) && v.every((d) => Number.isInteger(d) && d >= 1 && d <= 7),
};

export type Spec = Record<string, Check>;
const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;
const b64: Check = { type: 'base64', test: (v) => typeof v === 'string' && v !== '' && v.length % 4 === 0 && BASE64_RE.test(v) };
const sealedBox: Check = {
  type: '{iv, ct} (base64)',
  test: (v) => isObject(v) && b64.test(v.iv) && b64.test(v.ct),
};
const positive: Check = { type: 'number > 0', test: (v) => typeof v === 'number' && Number.isFinite(v) && v > 0 };
const iterationsCheck: Check = { type: 'integer', test: (v) => Number.isSafeInteger(v) };

const ACCOUNT_FIELDS: Spec = {
  id: nonEmpty, issuer: str, account: str,
  algorithm: oneOf('SHA1', 'SHA256', 'SHA512'), digits: oneOf(6, 8), period: num,
  order: num, pinned: bool, createdAt: str,
};
/** Version 1 carried the plain secret; version 2 only the sealed one. */
const ACCOUNT_SPECS: Record<number, Spec> = {
  1: { ...ACCOUNT_FIELDS, secret: nonEmpty },
  2: { ...ACCOUNT_FIELDS, sealed: sealedBox },
  /** Version 3 added the Jurnal; accounts as in version 2. */
  3: { ...ACCOUNT_FIELDS, sealed: sealedBox },
};
const VAULT_SPEC: Spec = { salt: b64, iterations: iterationsCheck, verifier: sealedBox, autoLockMinutes: positive };

const SPECS: Record<Exclude<(typeof STORE_NAMES)[number], 'settings' | 'vault' | 'jurnal'>, { key: string; spec: Spec }> = {
  accounts: { key: 'id', spec: ACCOUNT_SPECS[BACKUP_VERSION]! },
  templates: {
    key: 'id',
    spec: {
      id: nonEmpty, name: nonEmpty, rencanaAksi: str, jamMulai: time, jamSelesai: time, kegiatan: str,
      realisasi: num, satuan: str, buktiDukung: str, weekdays, isDefault: bool, order: num,
    },
  },
  reports: {
    key: 'date',
    spec: { date, status: oneOf('reported', 'not-reported', 'unconfirmed'), source: oneOf('site', 'observed', 'manual'), at: str },
  },
  daysOff: { key: 'id', spec: { id: nonEmpty, start: date, end: date, kind: oneOf(...DAY_OFF_KINDS), note: str } },
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Adds the problems of `rec` against `spec` (each field present and passing its check; dates real) to `problems`. */
export function checkRecord(rec: unknown, spec: Spec, path: string, problems: BackupProblem[]): void {
  if (!isObject(rec)) {
    problems.push({ code: 'backup_wrong_type', path, detail: 'object' });
    return;
  }
  for (const [field, check] of Object.entries(spec)) {
    const p = `${path}.${field}`;
    if (!(field in rec)) problems.push({ code: 'backup_missing_field', path: p });
    else if (!check.test(rec[field])) problems.push({ code: 'backup_wrong_type', path: p, detail: check.type });
    else if (check === date && !realDate(rec[field])) problems.push({ code: 'backup_invalid_date', path: p, detail: String(rec[field]) });
    else if (check === iterationsCheck && !iterationsInRange(rec[field])) {
      problems.push({ code: 'backup_iterations', path: p, detail: String(rec[field]) });
    }
  }
}

/** The refusal of a file over MAX_BACKUP_BYTES (detail: the limit in MB). */
export function tooLarge(): ParseResult {
  return { ok: false, problems: [{ code: 'backup_too_large', path: '', detail: String(MAX_BACKUP_BYTES / 1024 / 1024) }] };
}

/** Reads a backup file's text. Every problem is listed; nothing is written. */
export function parseBackup(text: string): ParseResult {
  // UTF-8 takes at least one byte per UTF-16 unit: a longer text cannot come from an allowed file.
  if (typeof text !== 'string' || text.length > MAX_BACKUP_BYTES) return tooLarge();
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
  const fileVersion = typeof version === 'number' && ACCOUNT_SPECS[version] ? version : BACKUP_VERSION;
  if (!('exportedAt' in json)) problems.push({ code: 'backup_missing_field', path: 'exportedAt' });
  const data = json.data;
  if (!isObject(data)) {
    problems.push(data === undefined
      ? { code: 'backup_missing_field', path: 'data' }
      : { code: 'backup_wrong_type', path: 'data', detail: 'object' });
    return { ok: false, problems };
  }
  for (const [store, { key, spec: latest }] of Object.entries(SPECS)) {
    const spec = store === 'accounts' ? ACCOUNT_SPECS[fileVersion]! : latest;
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
  if (fileVersion >= 2) {
    // Secrets only sealed: a plain one is refused, and sealed ones need the key check.
    const accounts = Array.isArray(data.accounts) ? data.accounts : [];
    accounts.forEach((rec: unknown, i) => {
      if (isObject(rec) && 'secret' in rec) problems.push({ code: 'backup_invalid_value', path: `data.accounts[${i}].secret` });
    });
    const vault = data.vault;
    if (vault === undefined) problems.push({ code: 'backup_missing_field', path: 'data.vault' });
    else if (vault === null) {
      if (accounts.length > 0) problems.push({ code: 'backup_invalid_value', path: 'data.vault' });
    } else checkRecord(vault, VAULT_SPEC, 'data.vault', problems);
  }
  if ('accountsOmitted' in data) {
    const omitted = data.accountsOmitted;
    if (!bool.test(omitted)) problems.push({ code: 'backup_wrong_type', path: 'data.accountsOmitted', detail: bool.type });
    // Left out means none in the file: accounts there would be silently ignored on restore.
    else if (omitted && ((Array.isArray(data.accounts) && data.accounts.length > 0) || (data.vault !== null && data.vault !== undefined))) {
      problems.push({ code: 'backup_invalid_value', path: 'data.accountsOmitted' });
    }
  }
  const settings = data.settings;
  if (settings === undefined) problems.push({ code: 'backup_missing_field', path: 'data.settings' });
  else if (!isObject(settings)) problems.push({ code: 'backup_wrong_type', path: 'data.settings', detail: 'object' });
  else {
    // Each field on its own, as the settings are read back (withDefaults): the reminders are not
    // checked against the target time, which saveSettings checks only for the fields a change
    // touches — a file of settings the extension accepted must restore.
    const { reminders, ...rest } = settings;
    const found = [...checkSettings(rest), ...('reminders' in settings ? checkSettings({ reminders }) : [])];
    for (const p of found) problems.push({ code: 'backup_invalid_value', path: `data.settings.${p.field}` });
  }

  if (fileVersion >= 3) {
    const list = data.jurnal;
    if (list === undefined) problems.push({ code: 'backup_missing_field', path: 'data.jurnal' });
    else if (!Array.isArray(list)) problems.push({ code: 'backup_wrong_type', path: 'data.jurnal', detail: 'array' });
    else {
      const seen = new Set<unknown>();
      list.forEach((rec: unknown, i) => {
        const path = `data.jurnal[${i}]`;
        const found = checkEntry(rec);
        for (const p of found) problems.push({ code: 'backup_wrong_type', path: p.field ? `${path}.${p.field}` : path, detail: p.expected });
        if (!isObject(rec)) return;
        if (found.length === 0 && !date.test(rec.date)) problems.push({ code: 'backup_invalid_value', path: `${path}.date` });
        if (seen.has(rec.id)) problems.push({ code: 'backup_duplicate_key', path: `${path}.id`, detail: String(rec.id) });
        seen.add(rec.id);
      });
    }
  } else if ('jurnal' in data) {
    delete data.jurnal; // not part of this version's format: never restored from it
  }

  if (problems.length) return { ok: false, problems };
  const backup = json as unknown as BackupFile;
  if (fileVersion === 1) backup.data.vault = null; // version 1: plain secrets, no passphrase
  return { ok: true, backup };
}

/**
 * Everything in the database, as a backup file. Accounts: as stored when the vault has a
 * passphrase (sealed; works while locked); sealed with `protect` when it has none; left out
 * when it has none and there is no `protect`.
 */
export async function exportBackup(db: Db, now: Date, protect?: BackupProtection): Promise<BackupFile> {
  const tx = db.transaction(STORE_NAMES, 'readonly');
  const [stored, templates, reports, daysOff, settings, vaultRecord, jurnal] = await Promise.all([
    tx.objectStore('accounts').getAll(),
    tx.objectStore('templates').getAll(),
    tx.objectStore('reports').getAll(),
    tx.objectStore('daysOff').getAll(),
    tx.objectStore('settings').get(SETTINGS_KEY),
    tx.objectStore('vault').get(VAULT_KEY),
    tx.objectStore('jurnal').getAll(),
  ]);
  await tx.done;
  let accounts: StoredAccountRecord[] = [];
  let vault: VaultRecord | null = null;
  let omitted = false;
  if (vaultRecord) {
    vault = vaultRecord;
    accounts = stored.filter((a) => a.sealed).map(({ secret: _plain, ...a }) => a);
  } else if (protect) {
    vault = protect.record;
    accounts = await Promise.all(
      stored.filter((a) => typeof a.secret === 'string').map(async ({ secret, sealed: _s, ...a }) => ({ ...a, sealed: await encryptSecret(protect.key, secret!) })),
    );
  } else {
    omitted = stored.length > 0;
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    data: {
      accounts, templates, reports, daysOff, settings: settings ?? {}, jurnal, vault: accounts.length ? vault : null,
      ...(omitted ? { accountsOmitted: true } : {}),
    },
  };
}

/**
 * Replaces all data with the backup's, in one transaction: all of it lands, or none. A file whose
 * accounts were left out (`accountsOmitted`) keeps the current accounts and vault record.
 */
export async function applyBackup(db: Db, backup: BackupFile): Promise<void> {
  const tx = db.transaction(STORE_NAMES, 'readwrite');
  const d = backup.data;
  // Kept as they are: the accounts when the file left them out, the Jurnal when the file is older than it.
  const keep: readonly string[] = [...(d.accountsOmitted ? ['accounts', 'vault'] : []), ...(d.jurnal ? [] : ['jurnal'])];
  await writeAllOrNothing(tx, (write) => {
    for (const s of STORE_NAMES) if (!keep.includes(s)) write(tx.objectStore(s).clear());
    for (const r of d.accounts) write(tx.objectStore('accounts').put(r));
    for (const r of d.templates) write(tx.objectStore('templates').put(r));
    for (const r of d.reports) write(tx.objectStore('reports').put(r));
    for (const r of d.daysOff) write(tx.objectStore('daysOff').put(r));
    write(tx.objectStore('settings').put(d.settings, SETTINGS_KEY));
    if (d.vault) write(tx.objectStore('vault').put(d.vault, VAULT_KEY));
    for (const r of d.jurnal ?? []) write(tx.objectStore('jurnal').put(r));
  });
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
