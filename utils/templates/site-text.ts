/**
 * Text the e-Kinerja page offers (a Rencana Aksi option the user picked in the in-page control)
 * turned into a template value. The page is not trusted: its option text becomes plain text —
 * control and format characters (bidi overrides, zero-width) removed, white space collapsed,
 * trimmed, braces doubled so it can never become a template variable (`{{` renders as `{`, so
 * the filled text is still the site's own), and at most SITE_TEXT_MAX characters.
 */
import type { TemplateMessageKey } from './messages';

/** Far above any real Rencana Aksi (a sentence or two); a page offering more is refused. */
export const SITE_TEXT_MAX = 1000;

export type SiteText = { ok: true; text: string } | { ok: false; code: TemplateMessageKey; params?: string[] };

/**
 * A page-offered text as plain text (control and format characters removed, white space
 * collapsed, trimmed), braces left as they are: what the page showed, e.g. a Rencana Aksi option
 * kept to be offered later. Idempotent. Empty ('') or too long is refused like plainSiteText.
 */
export function cleanSiteText(raw: unknown): SiteText {
  if (typeof raw !== 'string') return { ok: false, code: 'template_error_rencana_aksi_required' };
  // Checked before the work below too: a 1 MB "option" is refused without scanning it all.
  if (raw.length > SITE_TEXT_MAX * 4) return { ok: false, code: 'template_error_site_text_long', params: [String(SITE_TEXT_MAX)] };
  const text = raw
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\p{Cf}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return { ok: false, code: 'template_error_rencana_aksi_required' };
  if ([...text].length > SITE_TEXT_MAX) return { ok: false, code: 'template_error_site_text_long', params: [String(SITE_TEXT_MAX)] };
  return { ok: true, text };
}

/** A clean page text as a template value: braces doubled, so it renders to itself and never becomes a variable. */
export const asTemplateText = (clean: string): string => clean.replace(/[{}]/g, '$&$&');

/** A page-offered text → the plain text to store in a template (see the file comment). */
export function plainSiteText(raw: unknown): SiteText {
  const clean = cleanSiteText(raw);
  return clean.ok ? { ok: true, text: asTemplateText(clean.text) } : clean;
}
