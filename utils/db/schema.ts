import type { DBSchema } from 'idb';

/** A text sealed with AES-GCM-256 (utils/vault/crypto.ts): IV and ciphertext, both base64. */
export interface SealedSecret {
  iv: string;
  ct: string;
}

/** An MFA (TOTP) account with its plain base32 secret, as the code logic (utils/totp/) uses it. */
export interface AccountRecord {
  id: string;
  issuer: string;
  account: string;
  /** Base32 secret. */
  secret: string;
  algorithm: 'SHA1' | 'SHA256' | 'SHA512';
  digits: 6 | 8;
  period: number;
  order: number;
  pinned: boolean;
  createdAt: string;
}

/**
 * The fields of a Progres Harian entry a template holds (the form's fields but its date): the one
 * list the template, its rendered entry (utils/templates/variables.ts), the editor's form and the
 * Jurnal's sent values are built from.
 */
export interface TemplateEntry {
  rencanaAksi: string;
  /** `HH:mm`. */
  jamMulai: string;
  jamSelesai: string;
  kegiatan: string;
  realisasi: number;
  satuan: string;
  buktiDukung: string;
}

/** The same fields as written in a form, before anything is checked or normalised. */
export type TemplateEntryText = Record<keyof TemplateEntry, string>;

/** A Progres Harian template. */
export interface TemplateRecord extends TemplateEntry {
  id: string;
  name: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday) the template applies to. */
  weekdays: number[];
  isDefault: boolean;
  order: number;
}

export type ReportSource = 'site' | 'observed' | 'manual';
/**
 * 'unconfirmed' ("belum terkonfirmasi", source 'observed' only): a save was seen but the page
 * showed neither success nor failure; it still counts as missed until the calendar shows it.
 */
export type ReportStatus = 'reported' | 'not-reported' | 'unconfirmed';
/** What the user may set by hand. */
export type ManualStatus = Exclude<ReportStatus, 'unconfirmed'>;

/** What is known about one date's Progres Harian. One record per date. */
export interface ReportRecord {
  /** `YYYY-MM-DD` in the user's zone. */
  date: string;
  status: ReportStatus;
  source: ReportSource;
  /** When it was recorded, ISO 8601. */
  at: string;
}

export const DAY_OFF_KINDS = ['cuti-tahunan', 'sakit', 'dinas-luar', 'lainnya', 'libur-tambahan'] as const;
export type DayOffKind = (typeof DAY_OFF_KINDS)[number];

/** A user's day(s) off, or an extra holiday ('libur-tambahan'); `start`…`end` inclusive. */
export interface DayOffRecord {
  id: string;
  start: string;
  end: string;
  kind: DayOffKind;
  note: string;
}

export const SETTINGS_KEY = 'app';

/**
 * The settings record under SETTINGS_KEY as stored: not checked here. utils/settings/store.ts
 * reads it through `withDefaults`, which keeps only the valid fields.
 */
export type StoredSettings = Record<string, unknown>;

/**
 * An MFA account as stored in IndexedDB (schema 3 onwards). Exactly one of `secret` and `sealed`
 * is present: the plain base32 secret while the vault has no passphrase, the sealed one while it
 * has (utils/vault/vault.ts). Records written before schema 3 have `secret` and are still valid.
 */
export type StoredAccountRecord = Omit<AccountRecord, 'secret'> & { secret?: string; sealed?: SealedSecret };

/**
 * The vault's passphrase check (schema 3): present only while a passphrase is set. One record
 * under VAULT_KEY in the 'vault' store; nothing in it is secret.
 */
export interface VaultRecord {
  /** PBKDF2 salt, base64 (fresh for every new or changed passphrase). */
  salt: string;
  iterations: number;
  /** A known text sealed with the key: tells a right passphrase from a wrong one. */
  verifier: SealedSecret;
  /** Minutes without use after which the key is forgotten. */
  autoLockMinutes: number;
}

export const VAULT_KEY = 'vault';

export const JURNAL_SOURCES = ['template', 'typed', 'site-calendar'] as const;
export type JurnalSource = (typeof JURNAL_SOURCES)[number];

/** One entry of the Jurnal (utils/jurnal/entry.ts): a confirmed save with its values, or what the site's calendar showed. */
export interface JurnalEntry {
  id: string;
  /** TANGGAL KEGIATAN, `YYYY-MM-DD`. */
  date: string;
  rencanaAksi: string;
  /** `HH:mm`, or '' when not known. */
  jamMulai: string;
  jamSelesai: string;
  kegiatan: string;
  /** A whole number, or null when not known (a site reading). */
  realisasi: number | null;
  satuan: string;
  buktiDukung: string;
  source: JurnalSource;
  /** The template the form was filled from ('template' only). */
  templateId?: string;
  /** The title the site's calendar shows ('site-calendar' only). */
  title?: string;
  /** When it was recorded, ISO 8601. */
  recordedAt: string;
}

export interface EkinerjaDB extends DBSchema {
  accounts: { key: string; value: StoredAccountRecord };
  templates: { key: string; value: TemplateRecord };
  reports: { key: string; value: ReportRecord };
  daysOff: { key: string; value: DayOffRecord };
  settings: { key: string; value: StoredSettings };
  vault: { key: string; value: VaultRecord };
  /** Schema 4. */
  jurnal: { key: string; value: JurnalEntry; indexes: { 'by-date': string } };
}

export const STORE_NAMES = ['accounts', 'templates', 'reports', 'daysOff', 'settings', 'vault', 'jurnal'] as const;
export type StoreName = (typeof STORE_NAMES)[number];
