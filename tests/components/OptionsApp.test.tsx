import { describe, expect, it } from 'vitest';
import { OptionsApp } from '@/components/OptionsApp';
import { readSettings } from '@/utils/settings/store';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { backgroundPerTest } from '../helpers/background';
import { $, choose, mount, pickFile, rootPerTest, waitFor } from '../helpers/dom';

const bg = backgroundPerTest();
rootPerTest();

describe('options page', () => {
  it('saves the working week and zone through the background as they change', async () => {
    mount(<OptionsApp />);
    const zone = await waitFor(() => $<HTMLSelectElement>('select#zone'));
    choose(zone, 'Asia/Makassar');
    choose($<HTMLSelectElement>('select#work-week'), '6');
    await waitFor(() => expect($('#calendar [role="status"]').textContent).toBe('Tersimpan.'));
    expect(await readSettings(bg.db)).toMatchObject({ zone: 'Asia/Makassar', workWeek: 6 });
  });

  it('lists a bad backup\'s problems in Indonesian and changes nothing', async () => {
    mount(<OptionsApp />);
    const input = await waitFor(() => $<HTMLInputElement>('input#backup-file'));
    pickFile(input, new File([JSON.stringify({ format: 'asisten-ekinerja-backup', version: 9, data: {} })], 'lama.json'));
    const alert = await waitFor(() => $('[role="alert"]'));
    expect(alert.textContent).toContain('Berkas ini tidak dipulihkan; data Anda tidak berubah:');
    expect(alert.textContent).toContain('Berkas ini dibuat versi ekstensi yang lebih baru (format 9).');
    await bg.idle();
    expect(await readSettings(bg.db)).toEqual(DEFAULT_SETTINGS);
  });
});
