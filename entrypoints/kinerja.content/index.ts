/**
 * The content script on e-Kinerja (kinerja.bkn.go.id): runs the page features, one file each
 * beside this one. A new feature is a new file here, added to this list (a test checks it).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runFeatures } from '@/utils/page/feature';
import { EKINERJA_MATCHES } from '@/utils/site/pages';
import { pageInfo } from './page-info';
import { dailyProgressFiller } from './daily-progress-filler';
import { calendarReader } from './calendar-reader';
import { saveWatcher } from './save-watcher';
import { reportRun } from './report-run';

export default defineContentScript({
  matches: EKINERJA_MATCHES,
  runAt: 'document_idle',
  // WXT's start-up notice by window.postMessage names the extension's id to every page listener
  // (issue 12, finding 9); the same notice as a DOM event on document stays (README, Keamanan).
  noScriptStartedPostMessage: true,
  main(ctx) {
    runFeatures(ctx, [pageInfo, calendarReader, dailyProgressFiller, saveWatcher, reportRun]);
  },
});
