/**
 * The main flows in Firefox ESR, through the built Firefox extension (tests/e2e/firefox/harness.ts),
 * in ONE browser, in the order a user meets them, so the whole suite stays short:
 *
 *  1. Options page: the calendar, one reminder a minute or two away, and a template made in the
 *     editor (the reminder alarm is pending while 2 runs).
 *  2. MFA: the activation page saves the account after 'Ya, simpan' and fills the first code; the
 *     popup shows the account's code; "Isi kode MFA" fills the OTP page. Nothing is submitted and
 *     no request carries a secret or a code.
 *  3. The reminder fires: a notification WITHOUT buttons (Firefox has none) whose body click opens
 *     the daily-progress page; there the template fills the form exactly and OK saves it; today
 *     is then reported, so the reminder leaves today.
 *  4. Missed days: the popup's list and the toolbar badge from the site's calendar.
 *
 * Firefox specifics checked on the way: the gecko id Firefox installed the add-on under, alarm
 * times kept to the millisecond and no alarm period under Firefox's 1-minute floor, the
 * shadow-root widgets styled by the extension's CSS (and not the site's), storage.session read by
 * the popup (and never by a content script: Firefox gives content scripts no storage.session).
 *
 * Expected values come from tests/e2e/expected.ts (shared with the Chromium suite), codes from
 * node:crypto (tests/utils/vault/reference.ts), never from the app's code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { EKINERJA, GECKO_ID, launchFirefox, SSO, type ExtensionPage, type FirefoxSession } from './harness';
import { extensionDir } from '../harness';
import { REPLICA_ROUTES, replicaPath, type ReplicaApi, type ReplicaEntry } from '../../fixtures/replica/routes';
import { ACCOUNTS } from '../../fixtures/sso/accounts';
import { codesAround, referenceTotp } from '../../utils/vault/reference';
import {
  badgeFor, chooseZone, isWorkday, longDate, minutePlan, nextMidnight, pastWeek, plus, TEACHING_FORM, teachingEntry,
  todayIn, waitUntil, workdays, workWeekFor,
} from '../expected';

const NIP = ACCOUNTS.activation.account;
const OTP_PATH = '/auth/realms/public-siasn/login-actions/authenticate';
const ACTIVATION_PATH = '/auth/realms/public-siasn/login-actions/required-action';

/** The zone and week for a reminder today (null: every candidate zone is off today). */
const chosen = chooseZone();
/** The zone the extension's "today" is in during 1–3. */
const zoneId = chosen?.zone.iana ?? 'Asia/Jayapura';
let plan: ReturnType<typeof minutePlan> = null;
/** The date the fill saved for (reported from then on). */
let filledDate: string | null = null;

let ff: FirefoxSession;
let options: ExtensionPage;

beforeAll(async () => {
  ff = await launchFirefox({ tz: chosen && !chosen.zone.option ? chosen.zone.iana : undefined });
  ff.serveFixtures(EKINERJA, { ...REPLICA_ROUTES });
  ff.serveFixtures(SSO, { [OTP_PATH]: 'sso/login-otp.html', [ACTIVATION_PATH]: 'sso/login-config-totp.html' });
  // The SSO's root answers the clock check (one HEAD request) with its Date header.
  ff.route(`${SSO}/`, (req) => (new URL(req.url).pathname === '/' ? { status: 200, headers: { date: new Date().toUTCString() }, body: '' } : undefined));
  // The install opened the welcome checklist, in Indonesian (the harness waited for it to render).
  const welcome = await ff.welcome.run(async (d) => {
    const heading = await d.wait('the welcome heading', () => d.all('h1, h2').find((h) => d.text(h) === 'Selamat datang di Asisten e-Kinerja'));
    return { heading: d.text(heading), title: d.doc.title, keys: d.text(d.doc.body).match(/\b[a-z]+(_[a-z0-9]+)+\b/g) };
  });
  expect(welcome).toEqual({ heading: 'Selamat datang di Asisten e-Kinerja', title: 'Pengaturan — Asisten e-Kinerja', keys: null });
  await ff.welcome.close();
  options = await ff.openPage('options.html');
}, 90_000);

afterAll(async () => {
  if (!ff) return;
  try {
    // No request carried a secret or a code of the last minutes.
    const text = ff.requests.map((r) => `${r.method} ${r.url}\n${JSON.stringify(r.headers)}`).join('\n');
    const secret = ACCOUNTS.activation.secret;
    expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
    for (const code of codesAround(secret, Date.now(), 20)) expect(text).not.toMatch(new RegExp(`(^|\\D)${code}(\\D|$)`));
  } finally {
    await ff.close();
  }
});

// ---- extension pages (run in the browser window: see harness.ts) ----

/** Clicks `button` in the region titled `region`, then waits for its status line "Tersimpan.". */
/** Waits until the section says its changes (saved as they are made) are all saved. */
async function savedIn(page: ExtensionPage, region: string): Promise<void> {
  await page.run(async (d, region) => {
    const r = await d.wait(region, () => d.named('region', region));
    await d.wait(`"Tersimpan." in ${region}`, () => d.all('[role=status]', r).some((el) => d.text(el) === 'Tersimpan.'));
  }, region);
}

const reminderAlarm = () => options.run(async (d) => (await d.api.alarms.get('reminder'))?.scheduledTime ?? null);
const badge = () => options.run((d) => d.api.action.getBadgeText(d.clone({})));

// ---- web pages (puppeteer) ----

const replica = (page: Page) => page.evaluate(() => {
  const r = (window as unknown as { __replica?: ReplicaApi }).__replica;
  return r?.ready ? { saved: r.saved, state: r.state() } : null;
});

/** A button inside the extension's shadow-root widgets on the page (real mouse clicks reach it). */
async function widgetButton(page: Page, name: string): Promise<ElementHandle<HTMLButtonElement>> {
  const h = await page.waitForFunction((name: string) => {
    for (const host of document.querySelectorAll('[data-asisten-ekinerja]')) {
      const b = [...(host.shadowRoot?.querySelectorAll('button') ?? [])].find((x) => x.textContent?.trim() === name);
      if (b && !b.disabled) return b;
    }
    return null;
  }, { timeout: 15_000 }, name);
  return h.asElement() as ElementHandle<HTMLButtonElement>;
}

/** Computed styles inside the widget whose shadow root holds `selector`, and the page's own for the same tag outside. */
function widgetStyle(page: Page, selector: string, props: string[]) {
  return page.evaluate((selector: string, props: string[]) => {
    for (const host of document.querySelectorAll('[data-asisten-ekinerja]')) {
      const el = host.shadowRoot?.querySelector(selector);
      if (el) {
        const cs = getComputedStyle(el);
        return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
      }
    }
    return null;
  }, selector, props);
}

describe('Firefox: the add-on as installed', () => {
  it('installs under the gecko id of browser_specific_settings, with the manifest Firefox needs', () => {
    expect(ff.addonId).toBe(GECKO_ID);
    const manifest = JSON.parse(readFileSync(join(extensionDir('firefox-mv3'), 'manifest.json'), 'utf8'));
    expect(manifest.browser_specific_settings).toEqual({
      gecko: { id: GECKO_ID, strict_min_version: expect.stringMatching(/^\d+\.0$/), data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: expect.stringMatching(/^\d+\.0$/) },
    });
    // data_collection_permissions needs Firefox 140 (desktop) and 142 (Android).
    expect(Number.parseInt(manifest.browser_specific_settings.gecko.strict_min_version, 10)).toBeGreaterThanOrEqual(140);
    expect(Number.parseInt(manifest.browser_specific_settings.gecko_android.strict_min_version, 10)).toBeGreaterThanOrEqual(142);
    // An event page (Firefox has no background service worker) and the options page in a tab.
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    expect(manifest.options_ui).toMatchObject({ page: 'options.html', open_in_tab: true });
  });

  it('no content script touches storage.session (Firefox gives content scripts none)', () => {
    const dir = join(extensionDir('firefox-mv3'), 'content-scripts');
    const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(/storage\.session|storage\[["']session/);
  });
});

describe('1. options page: calendar, a reminder and a template', () => {
  it('saves the calendar and a reminder a minute away; the alarm is set to the millisecond', async () => {
    if (chosen) {
      const { zone, workWeek } = chosen;
      await options.run(async (d, option, workWeek) => {
        // The options page renders after its data arrives: wait for the controls, never assume them.
        if (option) await d.select(await d.wait('Zona waktu', () => d.control('Zona waktu')), option);
        await d.select(await d.wait('Hari kerja', () => d.control('Hari kerja')), String(workWeek));
      }, zone.option, workWeek);
      await savedIn(options, 'Kalender & Cuti');
      await options.run(async (d) => {
        const r = d.named('region', 'Jadwal & Pengingat')!;
        for (const lead of [60, 15]) {
          const b = d.button(`Hapus pengingat ${lead} menit sebelumnya`, r);
          if (b) await d.click(b);
        }
        await d.fill(d.control('Menit sebelum batas waktu', r)!, '1');
        await d.click(d.button('Tambah pengingat', r)!);
        await d.wait('the new reminder', () => d.all('li', r).some((el) => d.text(el).startsWith('1 menit sebelumnya')));
      });
      plan = minutePlan(zone);
      if (plan && workWeekFor(plan.today) === workWeek) {
        const p = plan;
        await options.run((d, time) => d.fill(d.control('Batas waktu lapor harian')!, time), p.targetTime);
        await savedIn(options, 'Jadwal & Pengingat');
        await options.run((d, next) => d.wait(next, () => d.all('*', d.named('region', 'Jadwal & Pengingat')!).some((el) => d.text(el) === next)), `Pengingat berikutnya ${p.reminderTime.replace(':', '.')}`);
        // Firefox keeps a one-off alarm's time exactly; no alarm repeats more often than its 1-minute floor.
        expect(await reminderAlarm()).toBe(p.remindAt);
        const alarms = await options.run((d) => d.api.alarms.getAll());
        expect(alarms.map((a) => a.name).sort()).toEqual(expect.arrayContaining(['reminder']));
        for (const a of alarms) if (a.periodInMinutes != null) expect(a.periodInMinutes).toBeGreaterThanOrEqual(1);
      } else {
        plan = null; // the day changed while setting up: the reminder part is skipped
      }
    } else {
      // Every candidate zone is on a Sunday or a holiday right now: no reminder today.
      await options.run((d) => d.select(d.control('Zona waktu')!, 'WIT (Asia/Jayapura)'));
      await savedIn(options, 'Kalender & Cuti');
    }
  });

  it('makes a template with variables in the editor, for every day of the week', async () => {
    await options.run(async (d, form) => {
      const r = d.named('region', 'Template Progress Harian')!;
      await d.click(await d.wait('Template baru', () => d.button('Template baru', r)));
      await d.wait('the editor', () => d.control('Nama template', r));
      for (const [label, value] of Object.entries(form)) await d.fill(d.control(label, r)!, value);
      for (const day of ['Sabtu', 'Minggu']) {
        const box = d.control(day, r) as HTMLInputElement;
        if (!box.checked) await d.click(box);
      }
      await d.click(d.button('Simpan template', r)!);
      await d.wait('the template saved', () => d.all('[role=status]', r).some((el) => d.text(el).includes('Template "Mengajar kelas 8A" disimpan.')));
    }, TEACHING_FORM);
  });
});

describe('2. MFA on the SSO pages and in the popup', () => {
  const submitted = (page: Page) => page.evaluate(() => (window as unknown as { submitted: number }).submitted);
  const valueOf = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLInputElement).value);

  it('the activation page saves the QR code\'s account after "Ya, simpan" and fills the first code; nothing is submitted', async () => {
    const sso = await ff.newPage();
    await sso.goto(`${SSO}${ACTIVATION_PATH}`);
    const button = await widgetButton(sso, 'Simpan akun ini ke Asisten e-Kinerja');
    // The widget is styled by the extension's CSS inside its shadow root (#0b4f8a buttons).
    expect(await widgetStyle(sso, 'button', ['background-color', 'color'])).toEqual({ 'background-color': 'rgb(11, 79, 138)', color: 'rgb(255, 255, 255)' });
    const t0 = Date.now();
    await button.click();
    // Issue 12, finding 3: the widget shows what it will save and asks first.
    await (await widgetButton(sso, 'Ya, simpan')).click();
    await sso.locator(`::-p-text(Akun public-siasn: ${NIP} tersimpan dan kode pertama sudah diisi.)`).wait();
    const t1 = Date.now();
    const s = ACCOUNTS.activation.secret;
    expect([referenceTotp(s, t0), referenceTotp(s, t1), referenceTotp(s, t0 + 3000)]).toContain(await valueOf(sso, '#totp'));
    expect(await submitted(sso)).toBe(0);
    await sso.close();
  });

  it('the popup shows the saved account\'s code (its snapshot comes from storage.session)', async () => {
    const popup = await ff.openPage('popup.html');
    const before = Date.now();
    const shown = await popup.run(async (d, account) => {
      const item = await d.wait('the account in the popup', () => d.all('li').find((li) => d.text(li).includes(account)));
      const code = await d.wait('its code', () => d.button('/^\\d{3} \\d{3}$/', item));
      return d.text(code).replace(/\s/g, '');
    }, NIP);
    const after = Date.now();
    expect([referenceTotp(ACCOUNTS.activation.secret, before), referenceTotp(ACCOUNTS.activation.secret, after)]).toContain(shown);
    // The popup read its snapshot from storage.session, where only extension pages reach.
    expect(await popup.run(async (d) => Object.keys(await d.api.storage.session.get(null)).length)).toBeGreaterThan(0);
    await popup.close();
  });

  it('"Isi kode MFA" on the OTP page fills the right code and does not submit', async () => {
    const sso = await ff.newPage();
    await sso.goto(`${SSO}${OTP_PATH}`);
    await sso.evaluate(() => {
      (window as unknown as { submitted: number }).submitted = 0;
      document.forms[0]!.addEventListener('submit', (e) => { e.preventDefault(); (window as unknown as { submitted: number }).submitted++; });
    });
    const button = await widgetButton(sso, 'Isi kode MFA');
    const t0 = Date.now();
    await button.click();
    await sso.locator('::-p-text(Kode terisi. Periksa, lalu klik tombol masuk.)').wait();
    const t1 = Date.now();
    const s = ACCOUNTS.activation.secret;
    const allowed = [referenceTotp(s, t0), referenceTotp(s, t1)];
    if (30_000 - (t0 % 30_000) < 3000) allowed.push(referenceTotp(s, t0 + 3000));
    expect(allowed).toContain(await valueOf(sso, 'input[name="otp"]'));
    expect(await submitted(sso)).toBe(0);
    expect(sso.url()).toBe(`${SSO}${OTP_PATH}`);
    expect(ff.requests.filter((r) => r.method === 'POST')).toEqual([]);
    await sso.close();
  });
});

describe('3. the reminder, the notification and the form filler', () => {
  let site: Page;

  it('the reminder comes as a notification without buttons; clicking its body opens the daily-progress page', async (ctx) => {
    if (!plan) {
      ctx.skip(); // no working day in any candidate zone right now (or the day changed while setting up)
      return;
    }
    const p = plan;
    const id = `reminder:${p.today}`;
    const { shown } = await waitUntil('the notification', () => ff.alerts(), (a) => a.shown.some((x) => x.name === id), p.remindAt - Date.now() + 30_000);
    expect(shown).toEqual([{
      name: id,
      title: 'Progress Harian: 1 menit lagi',
      text: `${longDate(p.today)}. Batas lapor pukul ${p.targetTime.replace(':', '.')}, dan Progress Harian hari ini belum diisi.`,
      imageURL: expect.stringMatching(/^moz-extension:\/\/[0-9a-f-]{36}\/icon\/128\.png$/) as unknown as string,
      actions: 0,
      textClickable: true,
    }]);
    // Nothing more today (one lead, no last call): the alarm waits for a later day.
    const after = await waitUntil('the next alarm', reminderAlarm, (w) => w !== null && w > p.remindAt, 10_000);
    expect(after!).toBeGreaterThanOrEqual(nextMidnight(chosen!.zone, p.today));

    // The user clicks the notification: it goes, and e-Kinerja's daily-progress page opens.
    const opened = ff.browser.waitForTarget((t) => t.url().startsWith(`${EKINERJA}/kinerja_harian`), { timeout: 15_000 });
    await ff.clickAlert(id);
    site = (await (await opened).page())!;
    await waitUntil('the alert to be taken away', () => ff.alerts(), (a) => a.closed.includes(id), 10_000);
  }, 240_000);

  it('the template fills the modal exactly (shadow-root control styled by its own CSS); OK saves it; today is reported', async () => {
    site ??= await ff.newPage();
    if (!site.url().startsWith(`${EKINERJA}/kinerja_harian`)) await site.goto(EKINERJA + replicaPath());
    await site.waitForFunction(() => (window as unknown as { __replica?: ReplicaApi }).__replica?.ready === true, { timeout: 15_000 });
    await site.locator('::-p-text(Tambah Progress Harian)').click();
    await site.waitForSelector('.modal.show');
    const fill = await widgetButton(site, 'Isi dari template');
    const style = await widgetStyle(site, '.fc', ['background-color', 'font-size', 'border-top-color']);
    expect(style).toEqual({ 'background-color': 'rgb(241, 248, 244)', 'font-size': '14px', 'border-top-color': 'rgb(156, 207, 176)' });
    // The site's Bootstrap gives its labels a margin; the control's labels are out of its reach.
    expect(await widgetStyle(site, 'label', ['margin-bottom'])).toEqual({ 'margin-bottom': '0px' });

    await fill.click();
    await site.waitForFunction(() => [...document.querySelectorAll('[data-asisten-ekinerja]')]
      .some((h) => h.shadowRoot?.querySelector('[data-state="done"]')), { timeout: 15_000 });
    const date = todayIn(zoneId);
    const expected: ReplicaEntry = teachingEntry(date);
    const now = await replica(site);
    expect(now!.saved).toEqual([]); // nothing saved before the user's OK
    expect(now!.state).toMatchObject({
      rencanaAksi: expected.rencanaAksi, tanggal: date, jamMulai: '07:30', jamSelesai: '09:00',
      kegiatan: expected.kegiatan, realisasi: 2, satuan: 'Jam Pelajaran', buktiDukung: expected.buktiDukung,
    });

    const ok = await site.waitForSelector('.modal.show .modal-footer ::-p-text(OK)');
    await ok!.click();
    await site.waitForFunction(() => !document.querySelector('.modal.show'), { timeout: 15_000 });
    expect((await replica(site))!.saved).toEqual([expected]);
    // The save counts once the page confirmed it (success toast, then nothing wrong before the page
    // settles): the popup says so. Closing the page earlier would leave the day "belum terkonfirmasi".
    await waitUntil('the popup to say today is reported', todayLine, (line) => /Sudah lapor hari ini|bukan hari kerja/.test(line), 20_000);
    filledDate = date;

    // The observed save made today reported: a pending reminder leaves today.
    if (plan) {
      const p = plan;
      const moved = await waitUntil('the reminder to leave today', reminderAlarm, (w) => w !== null && w >= nextMidnight(chosen!.zone, p.today), 20_000);
      expect(moved!).toBeGreaterThanOrEqual(nextMidnight(chosen!.zone, p.today));
      expect((await ff.alerts()).shown).toHaveLength(1);
    }
    await site.close();
  });
});

/** The popup's "Hari ini" line. */
async function todayLine(): Promise<string> {
  const popup = await ff.openPage('popup.html');
  const line = await popup.run(async (d) => {
    const region = await d.wait('Hari ini', () => d.named('region', 'Hari ini'));
    return d.text(region);
  });
  await popup.close();
  return line;
}

describe('4. missed days: the popup and the badge', () => {
  async function popupMissed(): Promise<string[]> {
    const popup = await ff.openPage('popup.html');
    const dates = await popup.run(async (d) => {
      const region = await d.wait('Hari belum lapor', () => d.named('region', 'Hari belum lapor'));
      await d.wait('the months', () => d.named('list', 'Hari belum lapor per bulan', region));
      // From 4 days on the list opens on request ("Lihat daftar (N hari)").
      const toggle = d.all('button', region).find((el) => /^Lihat daftar \(\d+ hari\)$/.test(d.text(el)));
      if (toggle) await d.click(toggle);
      const list = d.named('list', 'Hari yang belum dilaporkan', region);
      return list ? d.all('li span', list).map((s) => d.text(s)) : [];
    });
    await popup.close();
    return dates;
  }

  it('counts from the start date, less the days the site\'s calendar shows reported; the badge shows this month\'s', async () => {
    const today = todayIn('Asia/Jakarta');
    const week = pastWeek(today);
    const [first, second] = week.filter(isWorkday) as [string, string];
    const from = plus(week[0]!, -7);
    // WIB, a 5-day week, a target time of 00:00 (so today counts too) and a start date.
    await options.run((d) => d.fill(d.control('Batas waktu lapor harian')!, '00:00'));
    await savedIn(options, 'Jadwal & Pengingat');
    await options.run(async (d, from) => {
      await d.select(d.control('Zona waktu')!, 'Asia/Jakarta');
      await d.select(d.control('Hari kerja')!, '5');
      await d.fill(d.control('Hitung hari belum lapor mulai tanggal')!, from);
    }, from);
    await savedIn(options, 'Kalender & Cuti');

    let expected = workdays(from, today).filter((d) => d !== filledDate);
    await expect.poll(badge, { timeout: 10_000 }).toBe(badgeFor(expected, today));
    expect(await popupMissed()).toEqual(expected.map(longDate));

    // The daily-progress page shows that week with two entries: they count as reported.
    const site = await ff.newPage();
    await site.goto(EKINERJA + replicaPath({ date: week[2]!, entries: [first, second] }));
    expected = expected.filter((d) => d !== first && d !== second);
    await expect.poll(popupMissed, { timeout: 15_000 }).toEqual(expected.map(longDate));
    expect(await badge()).toBe(badgeFor(expected, today));
    await site.close();
  });
});
