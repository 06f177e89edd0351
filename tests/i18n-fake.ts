import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function loadMessages(lang: 'id' | 'en'): Messages {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, `../public/_locales/${lang}/messages.json`), 'utf8')) as Messages;
}

/** Chrome's getMessage: named placeholders → $1…$9 substitutions; unknown key → ''. */
export function getMessage(messages: Messages, key: string, subs?: string | string[]): string {
  const m = messages[key];
  if (!m) return '';
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return m.message.replace(/\$([a-z0-9_]+)\$/gi, (_, name: string) => {
    const content = m.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, n: string) => list[Number(n) - 1] ?? '');
  });
}

export function installI18n(lang: 'id' | 'en'): void {
  const messages = loadMessages(lang);
  Object.assign(fakeBrowser.i18n, {
    getMessage: (key: string, subs?: string | string[]) => getMessage(messages, key, subs),
    getUILanguage: () => lang,
  });
}

/** Every message as `{ id, en }` with substitutions written `$1`…`$9`, as the fragments were. */
export function allTexts(prefix = ''): Record<string, { id: string; en: string }> {
  const id = loadMessages('id');
  const en = loadMessages('en');
  const plain = (s: string | undefined) => (s ?? '').replace(/\$p(\d)\$/g, '$$$1');
  return Object.fromEntries(
    Object.keys(id).filter((k) => k.startsWith(prefix)).map((k) => [k, { id: plain(id[k]!.message), en: plain(en[k]?.message) }]),
  );
}
