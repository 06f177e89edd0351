/**
 * The in-page side of templates made from e-Kinerja's form (issue 11, item 5), for one open
 * "Tambah Progress Harian" modal: "Simpan isian ini sebagai template" sends the form's values to
 * the background (which checks them and never replaces a template without the user's yes), and
 * the Rencana Aksi options the site lists — when the user opens the choice, when a fill did not
 * find the template's, when the form is saved as a template — go to the background, which keeps
 * them as plain text for the template editor.
 */
import { sendMessage } from '../messaging/protocol';
import type { FormTemplateResult } from '../messaging/templates';
import { readFormEntry, readRencanaAksiOptions, watchRencanaAksiOptions } from '../site/form-entry';

export interface FormTemplateActions {
  saveFormAsTemplate(name: string, replace: boolean): Promise<FormTemplateResult>;
  onSiteOptions(options: string[]): void;
}

export function formTemplateActions(modal: HTMLElement, signal: AbortSignal): FormTemplateActions {
  const onSiteOptions = (options: string[]) => void sendMessage('rememberSiteRencanaAksi', options.slice(0, 300)).catch(() => undefined);
  watchRencanaAksiOptions(modal, signal, onSiteOptions);
  return {
    onSiteOptions,
    async saveFormAsTemplate(name, replace) {
      const options = await readRencanaAksiOptions(modal, signal).catch(() => null);
      if (options?.length) onSiteOptions(options);
      return sendMessage('saveFormAsTemplate', { name, entry: readFormEntry(modal), replace });
    },
  };
}
