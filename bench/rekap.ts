/**
 * Rekap measurements for `npm run bench` (bench/run.ts calls measureRekap with its session, whose
 * extension copy has bench-blank.html): the Rekap page of a full SKP period (January–June 2026)
 * with 130 Jurnal entries and their reports, seeded through a backup restore, from navigation
 * start to REKAP_READY_MARK (every table and the chart on screen), against the blank extension
 * page's load, measured alternately (median of RUNS each). The data is removed afterwards.
 * On its own: `npx tsx bench/rekap.ts` (uses the existing build).
 */
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchExtension, OUTPUT, type ExtensionSession } from '../tests/e2e/harness';
import { REKAP_READY_MARK } from '../utils/ui/marks';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
export const REKAP_ENTRIES = 130;

export interface RekapBench {
  entries: number;
  runs: number;
  /** Median ms from navigation start to the Rekap on screen. */
  rekapMs: number;
  /** Median load of the blank extension page, measured alternately. */
  blankMs: number;
  /** rekapMs − blankMs: the Rekap's own time after a page loads (budget ≤ 200 ms). */
  overBlankMs: number;
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = Math.floor(s.length / 2); return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };

/** A backup (format 3) with 130 entries on the working days of January–June 2026. */
export function rekapBackup(): string {
  const days: string[] = [];
  for (let t = Date.UTC(2026, 0, 1, 12); t <= Date.UTC(2026, 5, 30, 12); t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
  }
  const ras = ['Melaksanakan pembelajaran tatap muka', 'Menyusun laporan kinerja bulanan', 'Mengelola administrasi kepegawaian', 'Melaksanakan penilaian hasil belajar'];
  const jurnal = Array.from({ length: REKAP_ENTRIES }, (_, i) => {
    const date = days[i % days.length]!;
    const second = i >= days.length;
    return {
      id: `bench-${i}`, date, rencanaAksi: ras[i % ras.length], jamMulai: second ? '13:00' : '07:30', jamSelesai: second ? '15:00' : '09:00',
      kegiatan: `Kegiatan ${i + 1}`, realisasi: 1 + (i % 3), satuan: i % 2 ? 'Dokumen' : 'Jam Pelajaran',
      buktiDukung: i % 5 ? `https://drive.google.com/drive/folders/${date}` : '', source: i % 3 ? 'template' : 'typed',
      ...(i % 3 ? { templateId: 'tpl' } : {}), recordedAt: `${date}T09:00:00.000Z`,
    };
  });
  const reports = [...new Set(jurnal.map((e) => e.date))].map((date) => ({ date, status: 'reported', source: 'observed', at: `${date}T09:00:00.000Z` }));
  return JSON.stringify({
    format: 'asisten-ekinerja-backup', version: 3, exportedAt: new Date().toISOString(),
    data: { accounts: [], templates: [], reports, daysOff: [], settings: { countFrom: '2026-01-01' }, vault: null, jurnal },
  });
}

async function restore(session: ExtensionSession, text: string): Promise<void> {
  const options = await session.openPage('options.html');
  await options.getByLabel('Pulihkan dari berkas cadangan').setInputFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await options.getByRole('button', { name: 'Ganti semua data dengan cadangan ini' }).click();
  await options.getByText('Cadangan dipulihkan.').waitFor();
  await options.close();
}

export async function measureRekap(session: ExtensionSession): Promise<RekapBench> {
  await restore(session, rekapBackup());
  const base = `chrome-extension://${session.extensionId}`;
  const page = await session.context.newPage();
  const rekap: number[] = [];
  const blank: number[] = [];
  try {
    for (let i = 0; i < RUNS + 2; i++) {
      await page.goto(`${base}/rekap.html#2026-S1`);
      const r = await page.waitForFunction((mark: string) => performance.getEntriesByName(mark)[0]?.startTime, REKAP_READY_MARK);
      const rekapMs = (await r.jsonValue()) as number;
      await page.goto(`${base}/bench-blank.html`);
      const b = await page.waitForFunction(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd);
      const blankMs = (await b.jsonValue()) as number;
      if (i >= 2) { rekap.push(rekapMs); blank.push(blankMs); }
    }
    // The page really shows the period's entries.
    const rows = await (async () => { await page.goto(`${base}/rekap.html#2026-S1`); await page.locator('#rekap-jurnal').waitFor(); return page.locator('#rekap-jurnal tbody tr').count(); })();
    if (rows !== REKAP_ENTRIES) throw new Error(`the Rekap showed ${rows} Jurnal rows, expected ${REKAP_ENTRIES}`);
  } finally {
    await page.close();
    await restore(session, JSON.stringify({ format: 'asisten-ekinerja-backup', version: 3, exportedAt: new Date().toISOString(), data: { accounts: [], templates: [], reports: [], daysOff: [], settings: {}, vault: null, jurnal: [] } }));
  }
  const rekapMs = median(rekap);
  const blankMs = median(blank);
  return { entries: REKAP_ENTRIES, runs: RUNS, rekapMs, blankMs, overBlankMs: Number((rekapMs - blankMs).toFixed(1)) };
}

// On its own: a copy of the existing build with the blank page added (as bench/run.ts does).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = join(OUTPUT, 'chrome-mv3');
  if (!existsSync(join(out, 'manifest.json'))) throw new Error(`no build in ${out}`);
  const dir = resolve(OUTPUT, 'bench-rekap-chrome-mv3');
  rmSync(dir, { recursive: true, force: true });
  cpSync(out, dir, { recursive: true });
  writeFileSync(join(dir, 'bench-blank.html'), '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body></body></html>');
  const session = await launchExtension({ extensionPath: dir });
  try {
    console.log(JSON.stringify(await measureRekap(session), null, 2));
  } finally {
    await session.close(true);
    rmSync(dir, { recursive: true, force: true });
  }
}
