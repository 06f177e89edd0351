/**
 * How a capability plugs into the background: its message handlers, and what it does when the
 * day's picture is recomputed (after every change), when an alarm fires, and at start-up.
 */
import type { Db } from '../db/db';
import type { DayOffRecord, ReportRecord } from '../db/schema';
import type { ProtocolMap } from '../messaging/protocol';
import type { Settings } from '../settings/settings';
import type { StatusSnapshot } from '../calendar/status';

/** Messages the background sends to content scripts (they answer, not the background). */
export type ContentScriptMessages = 'getPageInfo' | 'ssoFillCode';

export type Handlers = {
  [K in Exclude<keyof ProtocolMap, ContentScriptMessages>]: (data: Parameters<ProtocolMap[K]>[0]) => Promise<ReturnType<ProtocolMap[K]>>;
};

export interface BackgroundDeps {
  db: () => Promise<Db>;
  now: () => Date;
  /** Recomputes the day's picture and runs every capability's onRefresh. */
  refresh: () => Promise<StatusSnapshot>;
  /**
   * Runs `job` alone among the jobs given here: MFA account and vault changes, and replacing
   * the whole database from a backup, so neither overwrites the other. Never call refresh()
   * inside a job (a capability's onRefresh may queue here too).
   */
  exclusive: <T>(job: () => Promise<T>) => Promise<T>;
}

export interface RefreshContext {
  now: Date;
  settings: Settings;
  reports: ReportRecord[];
  daysOff: DayOffRecord[];
  status: StatusSnapshot;
}

export interface Capability {
  handlers: Partial<Handlers>;
  onRefresh?(ctx: RefreshContext): Promise<void>;
  /** Return true when the alarm was this capability's. */
  onAlarm?(name: string): Promise<boolean>;
  onStartup?(): Promise<void>;
}
