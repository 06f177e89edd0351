import type { DBSchema } from 'idb';
import type { Settings } from '../settings/settings';

/** An MFA (TOTP) account. Filled by the MFA issue; the store exists from schema 1. */
export interface AccountRecord {
  id: string;
  issuer: string;
  account: string;
  /** Base32 secret (the MFA issue adds encryption at rest). */
  secret: string;
  algorithm: 'SHA1' | 'SHA256' | 'SHA512';
  digits: 6 | 8;
  period: number;
  order: number;
  pinned: boolean;
  createdAt: string;
}

/** A Progres Harian template. Filled by the templates issue. */
export interface TemplateRecord {
  id: string;
  name: string;
  rencanaAksi: string;
  jamMulai: string;
  jamSelesai: string;
  kegiatan: string;
  realisasi: number;
  satuan: string;
  buktiDukung: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday) the template applies to. */
  weekdays: number[];
  isDefault: boolean;
  order: number;
}

export type ReportSource = 'site' | 'observed' | 'manual';
export type ReportStatus = 'reported' | 'not-reported';

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

export interface EkinerjaDB extends DBSchema {
  accounts: { key: string; value: AccountRecord; indexes: { 'by-issuer': string } };
  templates: { key: string; value: TemplateRecord };
  reports: { key: string; value: ReportRecord; indexes: { 'by-source': ReportSource } };
  daysOff: { key: string; value: DayOffRecord; indexes: { 'by-start': string } };
  settings: { key: string; value: Partial<Settings> };
}

export const STORE_NAMES = ['accounts', 'templates', 'reports', 'daysOff', 'settings'] as const;
export type StoreName = (typeof STORE_NAMES)[number];
