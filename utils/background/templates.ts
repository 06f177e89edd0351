/** The background's side of the templates messages: every change in one transaction. */
import { type Db } from '../db/db';
import { readSettings } from '../settings/store';
import type { TemplateRecord } from '../db/schema';
import { duplicateTemplate, ensureOneDefault, insertTemplate, normaliseOrder, removeTemplate, reorder, setDefault, sortByOrder } from '../templates/choose';
import { parseTemplatesCsv, templatesToCsv } from '../templates/csv';
import { asTemplateText, cleanSiteText, plainSiteText, type SiteText } from '../templates/site-text';
import { siteRencanaAksiItem } from '../storage/items';
import { sameText } from '../text/text';
import type { TemplateEntryText } from '../db/schema';
import { validateTemplate } from '../templates/validate';
import { EKINERJA_ORIGIN } from '../site/pages';
import type { TemplatesProtocol } from '../messaging/templates';
import type { Capability, BackgroundDeps } from './capability';

/** Replaces the whole list (they are few) so order and the single default stay consistent. */
export async function writeTemplates(db: Db, list: TemplateRecord[]): Promise<TemplateRecord[]> {
  const next = ensureOneDefault(normaliseOrder(list));
  const tx = db.transaction('templates', 'readwrite');
  await tx.store.clear();
  for (const t of next) await tx.store.put(t);
  await tx.done;
  return next;
}

async function readAll(db: Db): Promise<TemplateRecord[]> {
  return sortByOrder(await db.getAll('templates'));
}

/** At most this many Rencana Aksi options are kept (a person's SKP has a few dozen). */
export const MAX_SITE_OPTIONS = 300;

/** Page texts as plain texts (unreadable ones dropped), each once, at most MAX_SITE_OPTIONS. */
function cleanOptions(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const out = new Set<string>();
  for (const raw of list) {
    const c = cleanSiteText(raw);
    if (c.ok) out.add(c.text);
    if (out.size >= MAX_SITE_OPTIONS) break;
  }
  return [...out];
}

/**
 * A form's free text (typed on the page) as a template text: plain, and a brace stays a brace;
 * empty stays empty. A text too long for a template is refused at its field, never dropped.
 */
function pageText(raw: string): SiteText {
  if (raw.trim() === '') return { ok: true, text: '' };
  const c = cleanSiteText(raw);
  if (c.ok) return { ok: true, text: asTemplateText(c.text) };
  return c.code === 'template_error_site_text_long' ? { ...c, code: 'template_error_page_text_long' } : c;
}

export function templatesCapability({ db, refresh, now }: BackgroundDeps): Capability<keyof TemplatesProtocol> {
  // Every change of the list, then a refresh: what derives from the data (sync, when it is on)
  // hears of it like of any other change. Not awaited: the editor gets its answer at once.
  const writeAll = async (d: Db, list: TemplateRecord[]): Promise<TemplateRecord[]> => {
    const saved = await writeTemplates(d, list);
    void refresh().catch(() => undefined);
    return saved;
  };
  return {
    handlers: {
      async listTemplates() {
        return readAll(await db());
      },
      async templateChoices() {
        return (await readAll(await db())).map(({ id, name, weekdays, isDefault, order }) => ({ id, name, weekdays, isDefault, order }));
      },
      async templateForFill(id) {
        return (await (await db()).get('templates', id)) ?? null;
      },
      async saveTemplate(draft) {
        const d = await db();
        const list = await readAll(d);
        const existing = typeof draft.id === 'string' ? list.find((t) => t.id === draft.id) : undefined;
        const res = validateTemplate({
          ...draft,
          id: existing?.id ?? crypto.randomUUID(),
          order: existing?.order ?? list.length,
          isDefault: draft.isDefault ?? existing?.isDefault ?? list.length === 0,
        });
        if (!res.ok) return res;
        let next = existing ? list.map((t) => (t.id === existing.id ? res.template : t)) : [...list, res.template];
        if (res.template.isDefault) next = setDefault(next, res.template.id);
        const saved = await writeAll(d, next);
        return { ok: true, template: saved.find((t) => t.id === res.template.id)! };
      },
      async rememberRencanaAksi({ id, rencanaAksi }) {
        const d = await db();
        const list = await readAll(d);
        const current = list.find((t) => t.id === id);
        if (!current) return { ok: false, errors: [{ field: 'id', code: 'template_error_id_missing' }] };
        // The text comes from the page (its option): plain text only, bounded.
        const plain = plainSiteText(rencanaAksi);
        if (!plain.ok) return { ok: false, errors: [{ field: 'rencanaAksi', code: plain.code, ...(plain.params ? { params: plain.params } : {}) }] };
        const res = validateTemplate({ ...current, rencanaAksi: plain.text });
        if (!res.ok) return res;
        await writeAll(d, list.map((t) => (t.id === id ? res.template : t)));
        return res;
      },
      async saveFormAsTemplate({ name, entry, replace }) {
        const d = await db();
        const list = await readAll(d);
        // The Rencana Aksi exactly as the site names it (plain text, bounded).
        const ra = plainSiteText(entry.rencanaAksi);
        if (!ra.ok) return { ok: false, errors: [{ field: 'rencanaAksi', code: ra.code, ...(ra.params ? { params: ra.params } : {}) }] };
        const existing = list.find((t) => sameText(t.name, name));
        if (existing && !replace) return { ok: false, exists: existing.name };
        const { workWeek } = await readSettings(d);
        const texts = { kegiatan: pageText(entry.kegiatan), satuan: pageText(entry.satuan), buktiDukung: pageText(entry.buktiDukung) };
        const refused = (Object.keys(texts) as (keyof typeof texts)[]).flatMap((field) => {
          const c = texts[field];
          return c.ok ? [] : [{ field, code: c.code, ...(c.params ? { params: c.params } : {}) }];
        });
        if (refused.length) return { ok: false, errors: refused };
        const text = (c: SiteText) => (c.ok ? c.text : '');
        const fields: TemplateEntryText = {
          rencanaAksi: ra.text,
          jamMulai: entry.jamMulai,
          jamSelesai: entry.jamSelesai,
          kegiatan: text(texts.kegiatan),
          realisasi: entry.realisasi,
          satuan: text(texts.satuan),
          buktiDukung: text(texts.buktiDukung),
        };
        const res = validateTemplate({
          weekdays: workWeek === 6 ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5],
          ...existing,
          ...fields,
          name: existing?.name ?? name,
          id: existing?.id ?? crypto.randomUUID(),
          order: existing?.order ?? list.length,
          isDefault: existing?.isDefault ?? list.length === 0,
        });
        if (!res.ok) return res;
        const saved = await writeAll(d, existing ? list.map((t) => (t.id === existing.id ? res.template : t)) : [...list, res.template]);
        // What the form shows is a Rencana Aksi the site offers: the editor offers it too.
        const seen = await siteRencanaAksiItem.getValue();
        const options = cleanOptions([...(seen?.options ?? []), entry.rencanaAksi]);
        await siteRencanaAksiItem.setValue({ at: seen?.at ?? now().toISOString(), options });
        return { ok: true, template: saved.find((t) => t.id === res.template.id)! };
      },
      async rememberSiteRencanaAksi(list) {
        const options = cleanOptions(list);
        // An empty reading (the list did not open) keeps what was seen before.
        if (options.length > 0) await siteRencanaAksiItem.setValue({ at: now().toISOString(), options });
      },
      async siteRencanaAksi() {
        // Checked again on the way out: a content script could have written storage.local itself.
        const seen = await siteRencanaAksiItem.getValue();
        const options = cleanOptions(seen?.options).map(asTemplateText);
        return seen && options.length && typeof seen.at === 'string' && !Number.isNaN(Date.parse(seen.at)) ? { at: seen.at, options } : null;
      },
      async deleteTemplate(id) {
        const d = await db();
        return writeAll(d, removeTemplate(await readAll(d), id));
      },
      async duplicateTemplate({ id, nameSuffix }) {
        const d = await db();
        const list = await readAll(d);
        const original = list.find((t) => t.id === id);
        if (!original) return list;
        return writeAll(d, insertTemplate(list, duplicateTemplate(original, crypto.randomUUID(), nameSuffix), id));
      },
      async moveTemplate({ id, direction }) {
        const d = await db();
        return writeAll(d, reorder(await readAll(d), id, direction));
      },
      async setDefaultTemplate(id) {
        const d = await db();
        return writeAll(d, setDefault(await readAll(d), id));
      },
      async importTemplatesCsv(text) {
        const d = await db();
        // Rows without Hari or Tanggal apply to the user's working week (Senin–Sabtu for six days).
        const { workWeek } = await readSettings(d);
        const parsed = parseTemplatesCsv(text, { defaultWeekdays: workWeek === 6 ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5] });
        if (!parsed.ok) return parsed;
        const list = await readAll(d);
        const added = parsed.templates.map((t, i) => ({ ...t, id: crypto.randomUUID(), order: list.length + i, isDefault: false }));
        await writeAll(d, [...list, ...added]);
        return { ok: true, count: added.length, ignoredColumns: parsed.ignoredColumns };
      },
      async exportTemplatesCsv() {
        return templatesToCsv(await readAll(await db()));
      },
    },
    // The filler offers the templates by name, reads the chosen one at the user's click, and
    // remembers a Rencana Aksi chosen in the modal; it never gets every template's texts.
    // It may also save the form as a new template at the user's click ("Simpan isian ini sebagai
    // template"; a template of that name is replaced only when the user agreed) and pass on the
    // Rencana Aksi options the site offers.
    contentScripts: {
      templateChoices: [EKINERJA_ORIGIN], templateForFill: [EKINERJA_ORIGIN], rememberRencanaAksi: [EKINERJA_ORIGIN],
      saveFormAsTemplate: [EKINERJA_ORIGIN], rememberSiteRencanaAksi: [EKINERJA_ORIGIN],
    },
  };
}
