/** Reading the extension's own records in end-to-end tests (from its service worker). */
import type { ExtensionSession } from './harness';
import type { ReportRecord } from '../../utils/db/schema';

/** The report records as the background stored them. */
export async function reportRecords(s: ExtensionSession): Promise<ReportRecord[]> {
  const worker = await s.background();
  return worker.evaluate(() => new Promise<ReportRecord[]>((resolve, reject) => {
    const open = indexedDB.open('asisten-ekinerja');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('reports').objectStore('reports').getAll();
      get.onsuccess = () => { resolve(get.result as ReportRecord[]); db.close(); };
      get.onerror = () => reject(get.error);
    };
  }));
}

/** Pengaturan → Kalender: zone WIB, missed days counted from `from` (as a user sets them). */
export async function countFrom(s: ExtensionSession, from: string): Promise<void> {
  const options = await s.openPage('options.html');
  await options.getByLabel('Zona waktu', { exact: true }).selectOption('Asia/Jakarta');
  await options.getByLabel('Hitung hari belum lapor mulai tanggal').fill(from);
  await options.getByRole('button', { name: 'Simpan kalender' }).click();
  await options.getByRole('region', { name: 'Kalender & Cuti' }).getByText('Tersimpan.').first().waitFor();
  await options.close();
}
