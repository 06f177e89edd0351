/**
 * How a capability plugs into the background: the messages it answers (its handlers), which
 * content-script origins may send each of them, and what it does when the day's picture is
 * recomputed (after every change), when an alarm fires, on install and at start-up.
 */
import type { Db } from '../db/db';
import type { DayOffRecord, ReportRecord } from '../db/schema';
import type { BackgroundMessage, ProtocolMap } from '../messaging/protocol';
import type { Settings } from '../settings/settings';
import type { StatusSnapshot } from '../calendar/status';
import type { Queue } from './queue';
import type { SaveOutcome } from '../reporting/confirm';

/** Who sent a message: the tab of a content script (none for extension pages). */
export interface MessageFrom {
  tabId?: number;
}

export type Handler<K extends BackgroundMessage> = (data: Parameters<ProtocolMap[K]>[0], from?: MessageFrom) => Promise<ReturnType<ProtocolMap[K]>>;

/** One handler for every message the background answers. */
export type Handlers = { [K in BackgroundMessage]: Handler<K> };

export interface BackgroundDeps {
  db: () => Promise<Db>;
  now: () => Date;
  /** The day's picture as stored now (settings, records, status), without side effects. */
  readDay: () => Promise<RefreshContext>;
  /** Recomputes the day's picture and runs every capability's onRefresh. */
  refresh: () => Promise<StatusSnapshot>;
  /**
   * Runs `job` alone among the jobs given here: MFA account and vault changes, and replacing
   * the whole database from a backup, so neither overwrites the other. Never call refresh()
   * inside a job (a capability's onRefresh may queue here too).
   */
  exclusive: Queue;
  /** Tells every capability what came of an "OK" on e-Kinerja (after the calendar capability recorded it). */
  saveOutcome: (date: string, outcome: SaveOutcome) => Promise<void>;
}

export interface RefreshContext {
  now: Date;
  settings: Settings;
  reports: ReportRecord[];
  daysOff: DayOffRecord[];
  status: StatusSnapshot;
}

export interface Capability<K extends BackgroundMessage = BackgroundMessage> {
  /** Exactly the messages this capability answers (service.ts checks that each has one owner). */
  handlers: { [P in K]: Handler<P> };
  /**
   * The origins whose content scripts may send each message. A content script runs beside a web
   * page, so it gets only what its feature needs; a message not listed here is for extension
   * pages (popup, options) only.
   */
  contentScripts?: { readonly [P in K]?: readonly string[] };
  onRefresh?(ctx: RefreshContext): Promise<void>;
  /** What came of an "OK" on e-Kinerja (utils/reporting/confirm.ts), once recorded. */
  onSaveOutcome?(date: string, outcome: SaveOutcome): Promise<void>;
  /** Return true when the alarm was this capability's. */
  onAlarm?(name: string): Promise<boolean>;
  onInstalled?(): Promise<void>;
  onStartup?(): Promise<void>;
  /** Keys of the browser's sync storage that changed (another computer's copy arrived, or ours was written). */
  onSyncChanged?(keys: string[]): Promise<void>;
}

/** A capability whatever messages it answers (every Capability<K> is one). */
export type AnyCapability = Capability<never>;
export type CapabilityFactory = (deps: BackgroundDeps) => AnyCapability;

/** The messages a factory's capability answers. */
type MessagesOf<F> = F extends (...args: never[]) => { handlers: infer H } ? Extract<keyof H, BackgroundMessage> : never;

type AnsweredBy<L extends readonly unknown[]> = L extends readonly [infer F, ...infer Rest] ? MessagesOf<F> | AnsweredBy<Rest> : never;
type AnsweredTwice<L extends readonly unknown[]> = L extends readonly [infer F, ...infer Rest]
  ? (MessagesOf<F> & AnsweredBy<Rest>) | AnsweredTwice<Rest>
  : never;

/**
 * `true` when the capabilities of `L` answer every background message exactly once; otherwise a
 * type naming the messages without a handler and those with more than one. Used as
 * `const check: ExactlyOneHandler<typeof LIST> = true`, which then fails to compile.
 */
export type ExactlyOneHandler<L extends readonly unknown[]> = [Exclude<BackgroundMessage, AnsweredBy<L>>, AnsweredTwice<L>] extends [never, never]
  ? true
  : { withoutHandler: Exclude<BackgroundMessage, AnsweredBy<L>>; withMoreThanOne: AnsweredTwice<L> };
