import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { OptionsApp } from '@/components/OptionsApp';
import { createService, registerHandlers } from '@/utils/background/service';
import { removeAllListeners } from '@/utils/messaging/protocol';
import { openDb, readSettings, type Db } from '@/utils/db/db';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';

let db: Db;
let root: HTMLElement;
let n = 0;
beforeEach(async () => {
  db = await openDb(`options-test-${n++}`);
  registerHandlers(createService(async () => db));
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  removeAllListeners();
  db.close();
});

async function settle() {
  for (let i = 0; i < 5; i++) await act(() => new Promise((r) => setTimeout(r, 5)));
}

describe('options page', () => {
  it('saves the working week and zone through the background', async () => {
    render(<OptionsApp />, root);
    await settle();
    const zone = root.querySelector<HTMLSelectElement>('select#zone')!;
    const week = root.querySelector<HTMLSelectElement>('select#work-week')!;
    act(() => {
      zone.value = 'Asia/Makassar';
      zone.dispatchEvent(new Event('change', { bubbles: true }));
      week.value = '6';
      week.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const save = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Simpan kalender')!;
    save.click();
    await settle();
    expect(await readSettings(db)).toMatchObject({ zone: 'Asia/Makassar', workWeek: 6 });
    expect(root.querySelector('#calendar [role="status"]')!.textContent).toBe('Tersimpan.');
  });

  it('lists a bad backup\'s problems in Indonesian and changes nothing', async () => {
    render(<OptionsApp />, root);
    await settle();
    const input = root.querySelector<HTMLInputElement>('input#backup-file')!;
    const file = new File([JSON.stringify({ format: 'asisten-ekinerja-backup', version: 9, data: {} })], 'lama.json');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    const alert = root.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('File ini tidak dipulihkan; data Anda tidak berubah:');
    expect(alert.textContent).toContain('File ini dibuat versi ekstensi yang lebih baru (format 9).');
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
  });
});
