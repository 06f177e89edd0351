import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openWelcome } from '@/utils/background/welcome';

// The fake browser starts with one blank tab (no address).
const tabUrls = async () => (await fakeBrowser.tabs.query({})).map((t) => t.url).filter(Boolean);

describe('welcome checklist on install', () => {
  it('opens options.html#welcome in a tab on a fresh install', async () => {
    await openWelcome('install');
    expect(await tabUrls()).toEqual([fakeBrowser.runtime.getURL('/options.html#welcome')]);
  });

  it.each(['update', 'chrome_update', 'browser_update', 'shared_module_update'])('opens nothing on %s', async (reason) => {
    await openWelcome(reason);
    expect(await tabUrls()).toEqual([]);
  });

  it('opens once: a second install event (an unpacked extension at each start) opens nothing; a new install after uninstall (storage cleared) opens it again', async () => {
    expect(await openWelcome('install', () => new Date('2026-12-07T01:00:00Z'))).toBe(true);
    expect(await fakeBrowser.storage.local.get('welcome.openedAt')).toEqual({ 'welcome.openedAt': '2026-12-07T01:00:00.000Z' });
    expect(await openWelcome('install')).toBe(false);
    expect(await tabUrls()).toHaveLength(1);
    await fakeBrowser.storage.local.clear();
    expect(await openWelcome('install')).toBe(true);
    expect(await tabUrls()).toHaveLength(2);
  });

  it('reads the messages in the worker before any page exists (a page closed while fetching them would leave them empty)', async () => {
    const order: string[] = [];
    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => { order.push(`message ${key}`); return 'Asisten e-Kinerja'; });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    create.mockImplementation(async () => { order.push('tab'); return undefined as never; });
    await openWelcome('install');
    expect(order).toEqual(['message extName', 'tab']);
    getMessage.mockRestore();
    create.mockRestore();
  });
});
