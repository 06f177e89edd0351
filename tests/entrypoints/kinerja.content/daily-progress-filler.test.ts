import { afterEach, describe, expect, it } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CONTROL_HOST, dailyProgressFiller } from '@/entrypoints/kinerja.content/daily-progress-filler';
import { saveWatcher } from '@/entrypoints/kinerja.content/save-watcher';
import { HOST_ATTRIBUTE } from '@/utils/page/widget';
import { createService, registerHandlers } from '@/utils/background/service';
import { removeAllListeners } from '@/utils/messaging/protocol';
import { openDb } from '@/utils/db/db';
import type { TemplateRecord } from '@/utils/db/schema';
import { byText, footerButton, loadReplica, openModal, replica, tick, until, userClick } from '../../utils/fill/replica';

const WEEKDAYS: TemplateRecord = {
  id: 't-weekdays', name: 'Mengajar', rencanaAksi: 'Melaksanakan pembelajaran tatap muka', jamMulai: '07:30', jamSelesai: '09:00',
  kegiatan: 'Mengajar {hari}', realisasi: 2, satuan: '', buktiDukung: '', weekdays: [1, 2, 3, 4, 5], isDefault: true, order: 0,
};

describe('the daily-progress filler feature, with the real background handlers', () => {
  let stop: AbortController | undefined;
  afterEach(() => {
    stop?.abort();
    removeAllListeners();
  });

  it('mounts the control in a shadow root when the modal opens, fills, and records the observed save in the user\'s zone', async () => {
    const db = await openDb(`fill-control-${Math.random()}`);
    const service = createService(async () => db);
    registerHandlers(service);
    await service.handlers.saveSettings({ zone: 'Asia/Jayapura' });
    await service.handlers.saveTemplate({ ...WEEKDAYS, weekdays: [1, 2, 3, 4, 5, 6, 7] });

    loadReplica('date=2026-10-05');
    stop = new AbortController();
    const ctx = {
      signal: stop.signal,
      addEventListener: (target: EventTarget, type: string, handler: EventListener) => target.addEventListener(type, handler, { signal: stop!.signal }),
    } as unknown as ContentScriptContext;
    void dailyProgressFiller.init(ctx, stop.signal);
    void saveWatcher.init(ctx, stop.signal);
    await tick(20);
    expect(document.querySelector(CONTROL_HOST)).toBeNull(); // nothing until the modal opens

    const modal = await openModal();
    const host = await until(() => modal.querySelector(`.modal-body > ${CONTROL_HOST}`));
    expect(host.getAttribute(HOST_ATTRIBUTE)).toBe('fill');
    const shadow = host.shadowRoot!; // open: assistive technology and tests reach it
    const root = shadow.querySelector<HTMLElement>('.fc')!;
    expect(shadow.querySelector('style')?.textContent).toContain(':host{all:initial');
    byText(root, 'button', 'Isi dari template')!.click(); // a script's click: ignored
    await tick(20);
    expect(root.getAttribute('data-state')).toBe('ready');
    expect(replica().state()?.tanggal).toBeNull();
    userClick(byText(root, 'button', 'Isi dari template')!);
    await until(() => root.getAttribute('data-state') === 'done');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jayapura', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    expect(replica().state()?.tanggal).toBe(today);

    footerButton(modal, 'OK').click();
    await until(() => !modal.classList.contains('show'));
    expect(host.isConnected).toBe(false); // the control goes with the modal
    // The calendar shows another week: the success toast confirms the save once the page settled.
    const report = await until(() => db.get('reports', today));
    expect(report).toMatchObject({ date: today, status: 'reported', source: 'observed' });
    db.close();
  });

  it('stops with its signal: the control goes, and a modal opened later gets none', async () => {
    loadReplica('date=2026-10-05');
    stop = new AbortController();
    const ctx = { addEventListener: () => undefined } as unknown as ContentScriptContext;
    void dailyProgressFiller.init(ctx, stop.signal);
    const modal = await openModal();
    const host = await until(() => modal.querySelector(CONTROL_HOST));
    stop.abort(); // the extension was reloaded, or the feature failed
    expect(host.isConnected).toBe(false);
    footerButton(modal, 'Close').click();
    await until(() => !modal.classList.contains('show'));
    const again = await openModal();
    await tick(50);
    expect(again.querySelector(CONTROL_HOST)).toBeNull();
  });
});
