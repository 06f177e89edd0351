/**
 * The one message contract between the extension's contexts, assembled from one interface per
 * capability (settings.ts, calendar.ts, backup.ts, tabs.ts, templates.ts, accounts.ts,
 * reminders.ts, jurnal.ts, sync.ts, run.ts) and the messages content scripts answer (content-script.ts).
 *
 * Ownership: the background service worker owns the database and is the only context that
 * writes to it, so every side effect of a change (badge, next reminder) is recomputed in one
 * place. Popup and options ask the background for reads too (one path, one cache); content
 * scripts run in the page's origin, cannot open the extension's IndexedDB, and always ask.
 *
 * Direction: popup/options/content → background (`BackgroundMessage`), except the messages of
 * content-script.ts (`ContentScriptMessage`), which go to a content script in a tab.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { SettingsProtocol } from './settings';
import type { CalendarProtocol } from './calendar';
import type { BackupProtocol } from './backup';
import type { TabsProtocol } from './tabs';
import type { TemplatesProtocol } from './templates';
import type { AccountsProtocol } from './accounts';
import type { RemindersProtocol } from './reminders';
import type { RunProtocol } from './run';
import type { ContentScriptMessage, ContentScriptProtocol } from './content-script';
import type { JurnalProtocol } from './jurnal';
import type { SyncProtocol } from './sync';

export type { SaveSettingsResult } from './settings';
export type { AddDayOffResult, CalendarData, PopupStatus } from './calendar';
export type { ImportBackupResult } from './backup';
export type { EkinerjaTab } from './tabs';
export type { ContentScriptMessage } from './content-script';
export type { FillDays, RunView, StartRunResult } from './run';

export interface ProtocolMap
  extends SettingsProtocol,
    CalendarProtocol,
    BackupProtocol,
    TabsProtocol,
    TemplatesProtocol,
    AccountsProtocol,
    RemindersProtocol,
    JurnalProtocol,
    SyncProtocol,
    RunProtocol,
    ContentScriptProtocol {}

/** The messages the background answers (each by exactly one capability). */
export type BackgroundMessage = Exclude<keyof ProtocolMap, ContentScriptMessage>;

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
