/**
 * Follows each click on "OK" in the "Tambah Progress Harian" modal to what the site shows, and
 * tells the background what came of it: only a save the page confirmed counts as reported
 * (the rule: utils/reporting/confirm.ts; the page watcher: utils/reporting/watch-save.ts).
 */
import type { PageFeature } from '@/utils/page/feature';
import { sendMessage } from '@/utils/messaging/protocol';
import { EKINERJA_MATCHES } from '@/utils/site/pages';
import { watchSaves } from '@/utils/reporting/watch-save';
import { captureSent } from '@/utils/site/sent-values';
import { getFilledFrom } from '@/utils/fill/filled-from';

export const saveWatcher: PageFeature = {
  name: 'save watcher',
  matches: EKINERJA_MATCHES,
  init(_ctx, signal) {
    // The values sent with each "OK" (and the template filled from), for the Jurnal.
    const sentFor = captureSent(document, signal, getFilledFrom);
    watchSaves(document, signal, (date, outcome) => void sendMessage('recordObserved', { date, outcome, sent: sentFor(date) }).catch(() => undefined));
  },
};
