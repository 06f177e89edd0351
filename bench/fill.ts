/**
 * Fill time of the form filler on the e-Kinerja replica (normal variant): from the click on
 * "Isi dari template" (a real click, so the page has focus, as for a user) to the control
 * reporting done (`data-state="done"` on its root), measured inside the page. Every round opens
 * a fresh, empty modal, so every round fills all eight fields. Median of `runs` rounds after one
 * warm-up. Seeds one template (and nothing else) through the options page's backup restore:
 * use a throwaway profile.
 */
import type { Page } from 'playwright-core';
import { EKINERJA, serveFixtures, type ExtensionSession } from '../tests/e2e/harness';
import { REPLICA_ROUTES, replicaPath } from '../tests/fixtures/replica/routes';

const TEMPLATE = {
  id: 'bench-template',
  name: 'Bench',
  rencanaAksi: 'Melaksanakan pembelajaran tatap muka',
  jamMulai: '07:30',
  jamSelesai: '09:00',
  kegiatan: 'Mengajar Matematika kelas 8A, {hari} {tanggal}',
  realisasi: 2,
  satuan: 'Jam Pelajaran',
  buktiDukung: 'https://drive.google.com/drive/folders/{tanggal_iso}',
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  isDefault: true,
  order: 0,
};

async function seed(session: ExtensionSession): Promise<void> {
  const backup = {
    format: 'asisten-ekinerja-backup', version: 1, exportedAt: new Date().toISOString(),
    data: { accounts: [], templates: [TEMPLATE], reports: [], daysOff: [], settings: {} },
  };
  const options = await session.openPage('options.html');
  await options.getByLabel('Pulihkan dari berkas cadangan').setInputFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await options.getByRole('button', { name: 'Ganti semua data dengan cadangan ini' }).click();
  await options.getByText('Cadangan dipulihkan.').waitFor();
  await options.close();
}

async function oneFill(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Tambah Progress Harian' }).click();
  const control = page.getByRole('group', { name: 'Isi dari template (Asisten e-Kinerja)' });
  const button = control.getByRole('button', { name: 'Isi dari template', exact: true });
  await button.waitFor();
  // (No named functions inside evaluate: tsx would wrap them in a helper the page lacks.)
  await page.evaluate(() => {
    const root = document.querySelector('asisten-ekinerja-isi')!.shadowRoot!.querySelector('.fc')!;
    (window as unknown as { __fillBench: Promise<number> }).__fillBench = new Promise<number>((resolve) => {
      let t0 = 0;
      root.addEventListener('click', () => { t0 = performance.now(); }, { capture: true, once: true });
      const mo = new MutationObserver(() => {
        if (root.getAttribute('data-state') !== 'done') return;
        mo.disconnect();
        resolve(performance.now() - t0);
      });
      mo.observe(root, { attributes: true, attributeFilter: ['data-state'] });
    });
  });
  await button.click();
  const ms = await page.evaluate(() => (window as unknown as { __fillBench: Promise<number> }).__fillBench);
  const state = await page.evaluate(() => (window as unknown as { __replica: { state(): { kegiatan: string; rencanaAksi: string | null } } }).__replica.state());
  if (!state.kegiatan || !state.rencanaAksi) throw new Error(`the fill did not complete: ${JSON.stringify(state)}`);
  await page.locator('.modal.show .modal-footer').getByRole('button', { name: 'Close' }).click();
  await page.locator('.modal.show').waitFor({ state: 'hidden' });
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median fill time (ms) on the replica; see the file comment. */
export async function measureFill(session: ExtensionSession, runs = 9): Promise<{ fillMs: number }> {
  await serveFixtures(session.context, EKINERJA, { ...REPLICA_ROUTES });
  await seed(session);
  const page = await session.context.newPage();
  try {
    await page.goto(EKINERJA + replicaPath({ date: '2026-10-05' }));
    await page.waitForFunction(() => (window as unknown as { __replica?: { ready: boolean } }).__replica?.ready === true);
    await oneFill(page); // warm-up
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await oneFill(page));
    return { fillMs: Number(median(times).toFixed(1)) };
  } finally {
    await page.close();
  }
}
