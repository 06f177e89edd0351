import { browser } from 'wxt/browser';
import type messages from '../../public/_locales/id/messages.json';

/** Every message key; public/_locales/id/messages.json is the source of truth. */
export type MessageKey = keyof typeof messages;

/** The UI text for `key` in the browser's language (Indonesian by default, English too). */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The locale for dates and numbers: Indonesian unless the browser speaks another language we ship. */
export function uiLocale(): string {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('en') ? 'en-GB' : 'id-ID';
}

/** Sets the page's language and (optionally) its title from the messages. */
export function localizeDocument(doc: Document, titleKey?: MessageKey): void {
  doc.documentElement.lang = uiLocale().slice(0, 2);
  if (titleKey) doc.title = `${t(titleKey)} — ${t('extName')}`;
}
