/**
 * What the end-to-end tests expect, computed here independently of the extension's code, for
 * whatever day the tests run on; shared by the Chromium (tests/e2e/*.e2e.ts) and Firefox
 * (tests/e2e/firefox/*.e2e.ts) suites so both browsers are held to the same answers.
 */
import type { ReplicaEntry } from '../fixtures/replica/routes';

// National holidays and cuti bersama 2026 (SKB 3 Menteri), written here independently of the code.
export const OFF_2026 = new Set([
  '01-01', '01-16', '02-16', '02-17', '03-18', '03-19', '03-20', '03-21', '03-22', '03-23', '03-24', '04-03', '04-05',
  '05-01', '05-14', '05-15', '05-27', '05-28', '05-31', '06-01', '06-16', '08-17', '08-25', '12-24', '12-25',
].map((d) => `2026-${d}`));

export const MINUTE = 60_000;
export const iso = (d: Date) => d.toISOString().slice(0, 10);
export const plus = (date: string, n: number) => iso(new Date(Date.parse(`${date}T12:00:00Z`) + n * 86_400_000));
/** 0 = Sunday. */
export const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
/** A working day of a 5-day week. */
export const isWorkday = (date: string) => weekday(date) >= 1 && weekday(date) <= 5 && !OFF_2026.has(date);
/** "Senin, 23 November 2026". */
export const longDate = (date: string) =>
  new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    .format(new Date(`${date}T12:00:00Z`));

/** Today in `zone`, as YYYY-MM-DD. */
export function todayIn(zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Working days of a 5-day week from `from` to `to`, both included. */
export function workdays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = plus(d, 1)) if (isWorkday(d)) out.push(d);
  return out;
}

/** A past week (Mon–Sun, ending before today) with at least three working days. */
export function pastWeek(today: string): string[] {
  const monday = plus(today, -((weekday(today) + 6) % 7));
  for (const back of [7, 14, 21]) {
    const week = Array.from({ length: 7 }, (_, i) => plus(monday, i - back));
    if (week.filter(isWorkday).length >= 3) return week;
  }
  throw new Error('no past week with three working days in the last three weeks');
}

/** What the badge shows for these missed days: this month's count, nothing when 0. */
export const badgeFor = (missed: string[], today: string) => {
  const n = missed.filter((d) => d >= `${today.slice(0, 8)}01`).length;
  return n ? String(n) : '';
};

/** The teaching template as typed into the options page's editor (label → text). */
export const TEACHING_FORM: Readonly<Record<string, string>> = {
  'Nama template': 'Mengajar kelas 8A',
  'Rencana Aksi': 'Melaksanakan pembelajaran tatap muka',
  'Jam mulai': '07.30',
  'Jam selesai': '9:00',
  'Kegiatan harian': 'Mengajar Matematika kelas 8A, {hari} {tanggal}',
  'Realisasi': '2',
  'Bukti dukung': 'https://drive.google.com/drive/folders/{tanggal_iso}',
};

/** What the teaching template gives for `date`, as the replica saves it. */
export function teachingEntry(date: string): ReplicaEntry {
  const [y, m, d] = date.split('-');
  const day = new Intl.DateTimeFormat('id-ID', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
  return {
    rencanaAksi: 'Melaksanakan pembelajaran tatap muka',
    tanggal: date,
    jamMulai: '07:30',
    jamSelesai: '09:00',
    kegiatan: `Mengajar Matematika kelas 8A, ${day} ${d}-${m}-${y}`,
    sumberData: 'ekinerja',
    realisasi: 2,
    satuan: 'Jam Pelajaran',
    buktiDukung: `https://drive.google.com/drive/folders/${date}`,
  };
}

// Reminders: a zone where today is a working day, and a reminder a minute or two away.

export interface Zone {
  /** IANA id, for the test's own clock arithmetic. */
  iana: string;
  /** The option to choose under "Zona waktu", or null: keep "Ikuti komputer ini" and start the browser with TZ=iana. */
  option: string | null;
  /** UTC offset (fixed: none of these zones has daylight saving). */
  offset: string;
}
export const ZONES: Zone[] = [
  { iana: 'Asia/Jakarta', option: 'WIB (Asia/Jakarta)', offset: '+07:00' },
  { iana: 'Asia/Makassar', option: 'WITA (Asia/Makassar)', offset: '+08:00' },
  { iana: 'Asia/Jayapura', option: 'WIT (Asia/Jayapura)', offset: '+09:00' },
  { iana: 'Pacific/Kiritimati', option: null, offset: '+14:00' },
  { iana: 'Pacific/Pago_Pago', option: null, offset: '-11:00' },
];

export function wall(zone: Zone, at: number): { date: string; time: string; second: number } {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: zone.iana, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, second: Number(p.second) };
}

/** Epoch ms of midnight at the start of the day after `date` in `zone`. */
export function nextMidnight(zone: Zone, date: string): number {
  return Date.parse(`${date}T00:00:00${zone.offset}`) + 24 * 60 * MINUTE;
}

export const workWeekFor = (date: string): 5 | 6 | null =>
  OFF_2026.has(date) || weekday(date) === 0 ? null : weekday(date) === 6 ? 6 : 5;

/**
 * The reminder at the next whole minute at least 25 s away (minutes are whole everywhere), the
 * target time one minute later; null when that leaves today or leaves no room for the snooze.
 */
export function minutePlan(zone: Zone, now = Date.now()) {
  const remindAt = (Math.floor(now / MINUTE) + (wall(zone, now).second <= 35 ? 1 : 2)) * MINUTE;
  const today = wall(zone, now).date;
  const reminder = wall(zone, remindAt);
  const target = wall(zone, remindAt + MINUTE);
  if (reminder.date !== today || wall(zone, remindAt + 30 * MINUTE).date !== today) return null;
  return { today, remindAt, reminderTime: reminder.time, targetTime: target.time };
}

export function chooseZone(): { zone: Zone; workWeek: 5 | 6 } | null {
  for (const zone of ZONES) {
    const plan = minutePlan(zone);
    const workWeek = plan && workWeekFor(plan.today);
    if (plan && workWeek) return { zone, workWeek };
  }
  return null;
}

/** Polls `probe` every 500 ms until `ok`; the error names `what` and the last value seen. */
export async function waitUntil<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 500));
    last = await probe();
  }
  return last;
}
