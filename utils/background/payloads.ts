/**
 * What a content script may send, checked at the background's boundary before any handler runs.
 * A content script runs in a web page (e-Kinerja, the SSO); whatever its messages carry may come
 * from that page, so each message a content script may send (each capability's `contentScripts`)
 * has a shape here, checked with the backup file's own field checks (utils/backup/backup.ts:
 * real dates, known values, types), plus what a backup file's size limit gives there: a bound on
 * every text, and no field beyond the shape (no `__proto__`, no arrays for objects). A message
 * without a shape here is refused from a content script (fails closed).
 */
import { bool, checkRecord, date, nonEmpty, oneOf, str, type BackupProblem, type Check, type Spec } from '../backup/backup';
import type { BackgroundMessage } from '../messaging/protocol';

/** The longest text a content script may send (a user name, an id, a Rencana Aksi). */
export const MAX_MESSAGE_TEXT = 2000;
/** The longest image a content script may send (the activation page's QR code, as a data: URL). */
export const MAX_MESSAGE_IMAGE = 4 * 1024 * 1024;
/** Days in one reading of the calendar (six weeks of a month view, with room to spare). */
const MAX_DAYS = 62;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

const text = (check: Check, max = MAX_MESSAGE_TEXT): Check => ({ type: `${check.type} (≤ ${max})`, test: (v) => check.test(v) && (v as string).length <= max });
const image: Check = { type: 'data:image/…', test: (v) => typeof v === 'string' && v.length <= MAX_MESSAGE_IMAGE && /^data:image\/[a-z+.-]+;base64,/i.test(v) };

/** Whether `v` is an image a content script may hand over (a data: URL within the size limit): its messages and its answers. */
export const isMessageImage = (v: unknown): v is string => image.test(v);
const object: Check = { type: 'object', test: (v) => isPlainObject(v) };
const days: Check = { type: `YYYY-MM-DD[] (≤ ${MAX_DAYS})`, test: (v) => Array.isArray(v) && v.length <= MAX_DAYS };

interface Shape {
  required: Spec;
  optional?: Spec;
  /** Fields holding a list of dates, each checked as a backup's date. */
  dayLists?: readonly string[];
}

/** The Jurnal's parts of the save and reading messages: short texts only, a bounded list. */
const MAX_EVENTS = 200;
const shortText = (v: unknown) => typeof v === 'string' && v.length <= MAX_MESSAGE_TEXT;
const SENT_FIELDS = ['date', 'rencanaAksi', 'jamMulai', 'jamSelesai', 'kegiatan', 'realisasi', 'satuan', 'buktiDukung'];
const sent: Check = {
  type: '{values, templateId} | null',
  test: (v) => v === null || (typeof v === 'object' && !Array.isArray(v)
    && Object.keys(v).every((k) => k === 'values' || k === 'templateId')
    && ((v as { templateId: unknown }).templateId === null || shortText((v as { templateId: unknown }).templateId))
    && typeof (v as { values: unknown }).values === 'object' && (v as { values: unknown }).values !== null
    && Object.keys((v as { values: object }).values).every((k) => SENT_FIELDS.includes(k))
    && SENT_FIELDS.every((k) => shortText(((v as { values: Record<string, unknown> }).values)[k]))),
};
const ENTRY_FIELDS = SENT_FIELDS.filter((k) => k !== 'date');
/** The form's values for "Simpan isian ini sebagai template": exactly the entry's fields, short texts. */
const formEntry: Check = {
  type: '{rencanaAksi, jamMulai, …}',
  test: (v) => isPlainObject(v) && Object.keys(v).length === ENTRY_FIELDS.length && ENTRY_FIELDS.every((k) => shortText(v[k])),
};
/** The Rencana Aksi options the form offered: a bounded list of short texts. */
const MAX_SITE_OPTIONS = 300;
const siteOptions: Check = {
  type: `string[] (≤ ${MAX_SITE_OPTIONS})`,
  test: (v) => Array.isArray(v) && v.length <= MAX_SITE_OPTIONS && v.every(shortText),
};
const events: Check = {
  type: `{date, title, start, end}[] (≤ ${MAX_EVENTS})`,
  test: (v) => Array.isArray(v) && v.length <= MAX_EVENTS && v.every((e) => typeof e === 'object' && e !== null
    && Object.keys(e).length === 4 && ['date', 'title', 'start', 'end'].every((k) => shortText((e as Record<string, unknown>)[k]))),
};

function shapeProblems(data: unknown, shape: Shape, path: string): BackupProblem[] {
  const problems: BackupProblem[] = [];
  if (!isPlainObject(data)) return [{ code: 'backup_wrong_type', path, detail: 'object' }];
  const known = { ...shape.required, ...shape.optional };
  for (const key of Object.keys(data)) {
    if (!Object.hasOwn(known, key)) problems.push({ code: 'backup_invalid_value', path: `${path}.${key}` });
  }
  checkRecord(data, shape.required, path, problems);
  const present = Object.fromEntries(Object.entries(shape.optional ?? {}).filter(([k]) => Object.hasOwn(data, k) && data[k] !== undefined));
  checkRecord(data, present, path, problems);
  for (const field of shape.dayLists ?? []) {
    const list = data[field];
    if (Array.isArray(list)) list.forEach((d, i) => checkRecord({ d }, { d: date }, `${path}.${field}[${i}]`, problems));
  }
  return problems;
}

const noData = (data: unknown, path: string): BackupProblem[] =>
  data === undefined || data === null ? [] : [{ code: 'backup_invalid_value', path }];

/** Every message a content script may send, and how its payload is checked. */
export const CONTENT_SCRIPT_PAYLOADS: Partial<Record<BackgroundMessage, (data: unknown, path: string) => BackupProblem[]>> = {
  recordSiteReading: (data, path) =>
    isPlainObject(data) && data.ok === true
      ? shapeProblems(data, { required: { ok: bool, view: oneOf('week', 'month', 'day'), shown: days, withEntries: days }, optional: { events }, dayLists: ['shown', 'withEntries'] }, path)
      : shapeProblems(data, { required: { ok: oneOf(false), reason: oneOf('no-calendar', 'unreadable-title', 'unreadable-days') } }, path),
  recordObserved: (data, path) => shapeProblems(data, { required: { date, outcome: oneOf('confirmed', 'unconfirmed', 'failed') }, optional: { sent } }, path),
  rememberRencanaAksi: (data, path) => shapeProblems(data, { required: { id: text(nonEmpty, 100), rencanaAksi: text(str) } }, path),
  templateChoices: noData,
  templateForFill: (data, path) => (text(nonEmpty, 100).test(data) ? [] : [{ code: 'backup_invalid_value', path }]),
  saveFormAsTemplate: (data, path) => shapeProblems(data, { required: { name: text(nonEmpty, 100), entry: formEntry, replace: bool } }, path),
  rememberSiteRencanaAksi: (data, path) => (siteOptions.test(data) ? [] : [{ code: 'backup_invalid_value', path }]),
  runTask: noData,
  fillDays: noData,
  runAction: (data, path) =>
    isPlainObject(data) && (data.action === 'stop' || data.action === 'dismiss')
      ? shapeProblems(data, { required: { action: oneOf('stop', 'dismiss'), id: text(nonEmpty, 100) } }, path)
      : shapeProblems(data, { required: { action: oneOf('filled', 'skip'), date, id: text(nonEmpty, 100) } }, path),
  getSettings: noData,
  ssoCode: (data, path) => (data === undefined ? [] : shapeProblems(data, { required: {}, optional: { username: text(str, 200), accountId: text(str, 100) } }, path)),
  saveActivationAccount: (data, path) =>
    [
      ...shapeProblems(data, { required: {}, optional: { dataUrl: image, keyText: text(str, 200), username: text(str, 200), confirm: object } }, path),
      ...(isPlainObject(data) && data.confirm !== undefined
        ? shapeProblems(data.confirm, { required: { issuer: text(str, 200), account: text(str, 200), keyEnd: text(str, 8) }, optional: { sameName: oneOf('add', 'replace') } }, `${path}.confirm`)
        : []),
    ],
};

/** The problems of a content script's `type` message carrying `data` (empty: it may be answered). */
export function payloadProblems(type: BackgroundMessage, data: unknown): BackupProblem[] {
  const check = CONTENT_SCRIPT_PAYLOADS[type];
  if (!check) return [{ code: 'backup_wrong_format', path: type }];
  return check(data, type);
}
