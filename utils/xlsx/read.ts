/**
 * Reading the cells of an .xlsx workbook (as Excel, LibreOffice, Google Sheets or this extension
 * write it): every sheet's name and its rows of values. Shared, inline and rich-text strings;
 * numbers; booleans; and numbers formatted as dates or times come back as `YYYY-MM-DD`, `HH:mm`
 * or `YYYY-MM-DD HH:mm` text (the 1900 date system, and the 1904 one when the workbook says so).
 * Formulas give their cached value. Unzipped with fflate; the XML is read with a small scanner
 * (the parts used here are flat and regular), so it runs in any context.
 */
import { strFromU8, unzipSync } from 'fflate';

export type ReadValue = string | number | boolean | null;
export interface ReadSheet {
  name: string;
  /** Rows from row 1; a missing cell or row is null / []. */
  rows: ReadValue[][];
}
export type ReadResult = { ok: true; sheets: ReadSheet[] } | { ok: false; code: 'xlsx_not_workbook' };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e] ?? m;
  }).replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));

/** Attributes of a start tag's text (`a="1" r:id='x'`), by local name and by full name. */
function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const v = unescape(m[2] ?? m[3] ?? '');
    out[m[1]!] = v;
    const local = m[1]!.split(':').pop()!;
    if (!(local in out)) out[local] = v;
  }
  return out;
}

/** Every element `name` (any namespace prefix): its attributes and inner XML. */
function elements(xml: string, name: string): Array<{ attrs: Record<string, string>; inner: string }> {
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}(\\s[^>]*?)?(/?)>`, 'g');
  const out: Array<{ attrs: Record<string, string>; inner: string }> = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const a = attrs(m[1] ?? '');
    if (m[2] === '/') { out.push({ attrs: a, inner: '' }); continue; }
    const close = new RegExp(`</(?:[\\w.-]+:)?${name}\\s*>`, 'g');
    close.lastIndex = re.lastIndex;
    const c = close.exec(xml);
    const end = c ? c.index : xml.length;
    out.push({ attrs: a, inner: xml.slice(re.lastIndex, end) });
    re.lastIndex = c ? close.lastIndex : xml.length;
  }
  return out;
}

/** The text of `<t>` elements inside (a plain or rich-text string), without phonetic runs. */
const textOf = (inner: string): string =>
  elements(inner.replace(/<(?:[\w.-]+:)?rPh[\s>][\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, ''), 't').map((t) => unescape(t.inner)).join('');

/** Built-in number formats that show dates or times. */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

function formatKind(code: string): 'date' | 'time' | 'datetime' | null {
  const f = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').toLowerCase();
  const hasDate = /[dy]/.test(f) || (/m/.test(f) && !/[hs]/.test(f));
  const hasTime = /[hs]/.test(f);
  return hasDate && hasTime ? 'datetime' : hasDate ? 'date' : hasTime ? 'time' : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A spreadsheet serial date-time as text. */
export function serialToText(serial: number, kind: 'date' | 'time' | 'datetime', date1904 = false): string {
  const totalMinutes = Math.round(serial * 1440);
  const days = Math.floor(totalMinutes / 1440);
  const minutes = totalMinutes - days * 1440;
  const time = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  if (kind === 'time') return time;
  // 1900 system: day 1 = 1900-01-01, with Excel's phantom 29 Feb 1900 (serial 60).
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 31);
  const offset = !date1904 && days >= 60 ? days - 1 : days;
  const d = new Date(epoch + offset * 86_400_000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return kind === 'date' ? date : `${date} ${time}`;
}

/** 'B12' → [11, 1] (0-based row, column). */
function cellRef(ref: string): [number, number] | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref.replace(/\$/g, '').toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, col - 1];
}

const resolve = (base: string, target: string): string => {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
};

export function readXlsx(bytes: Uint8Array): ReadResult {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    return { ok: false, code: 'xlsx_not_workbook' };
  }
  const text = (path: string): string | null => {
    const key = Object.keys(files).find((k) => k.toLowerCase() === path.toLowerCase());
    return key ? strFromU8(files[key]!) : null;
  };
  const rootRels = text('_rels/.rels') ?? '';
  const officeDoc = elements(rootRels, 'Relationship').find((r) => /officeDocument$/.test(r.attrs.Type ?? ''))?.attrs.Target;
  const wbPath = officeDoc ? resolve('', officeDoc) : 'xl/workbook.xml';
  const workbook = text(wbPath);
  if (workbook === null) return { ok: false, code: 'xlsx_not_workbook' };
  const relsPath = `${wbPath.split('/').slice(0, -1).join('/')}/_rels/${wbPath.split('/').pop()}.rels`;
  const rels = new Map(elements(text(relsPath) ?? '', 'Relationship').map((r) => [r.attrs.Id ?? '', r.attrs]));
  const date1904 = elements(workbook, 'workbookPr').some((w) => w.attrs.date1904 === '1' || w.attrs.date1904 === 'true');

  const sharedRel = [...rels.values()].find((r) => /sharedStrings$/.test(r.Type ?? ''));
  const shared = elements(text(sharedRel ? resolve(wbPath, sharedRel.Target ?? '') : 'xl/sharedStrings.xml') ?? '', 'si').map((si) => textOf(si.inner));

  const stylesRel = [...rels.values()].find((r) => /styles$/.test(r.Type ?? ''));
  const styles = text(stylesRel ? resolve(wbPath, stylesRel.Target ?? '') : 'xl/styles.xml') ?? '';
  const customFormats = new Map(elements(styles, 'numFmt').map((f) => [Number(f.attrs.numFmtId), f.attrs.formatCode ?? '']));
  const cellXfs = elements(styles, 'cellXfs')[0]?.inner ?? '';
  const xfKinds = elements(cellXfs, 'xf').map((xf) => {
    const id = Number(xf.attrs.numFmtId ?? 0);
    const custom = customFormats.get(id);
    if (custom !== undefined) return formatKind(custom);
    if (!DATE_FORMAT_IDS.has(id)) return null;
    return [18, 19, 20, 21, 45, 46, 47].includes(id) ? 'time' : id === 22 ? 'datetime' : 'date';
  });

  const sheets: ReadSheet[] = [];
  for (const s of elements(workbook, 'sheet')) {
    const rel = rels.get(s.attrs['r:id'] ?? s.attrs.id ?? '');
    const xml = rel ? text(resolve(wbPath, rel.Target ?? '')) : null;
    if (xml === null) continue;
    const rows: ReadValue[][] = [];
    let nextRow = 0;
    for (const row of elements(xml, 'row')) {
      const r = row.attrs.r ? Number(row.attrs.r) - 1 : nextRow;
      nextRow = r + 1;
      const cells: ReadValue[] = [];
      let nextCol = 0;
      for (const c of elements(row.inner, 'c')) {
        const ref = c.attrs.r ? cellRef(c.attrs.r) : null;
        const col = ref ? ref[1] : nextCol;
        nextCol = col + 1;
        const t = c.attrs.t ?? 'n';
        const v = elements(c.inner, 'v')[0];
        const raw = v ? unescape(v.inner) : null;
        let value: ReadValue;
        if (t === 'inlineStr') value = textOf(elements(c.inner, 'is')[0]?.inner ?? '');
        else if (raw === null) value = null;
        else if (t === 's') value = shared[Number(raw)] ?? '';
        else if (t === 'str' || t === 'e') value = raw;
        else if (t === 'b') value = raw === '1' || raw === 'true';
        else if (t === 'd') value = raw;
        else {
          const n = Number(raw);
          const kind = xfKinds[Number(c.attrs.s ?? 0)] ?? null;
          value = !Number.isFinite(n) ? raw : kind ? serialToText(n, kind, date1904) : n;
        }
        while (cells.length < col) cells.push(null);
        cells[col] = value;
      }
      while (rows.length < r) rows.push([]);
      rows[r] = cells;
    }
    sheets.push({ name: s.attrs.name ?? '', rows });
  }
  return sheets.length ? { ok: true, sheets } : { ok: false, code: 'xlsx_not_workbook' };
}
