/** Messages about the browser's e-Kinerja tabs (part of the one contract in protocol.ts). */
import type { PageInfo } from '../site/pages';

/** An open e-Kinerja tab whose content script answered. */
export interface EkinerjaTab {
  tabId: number;
  page: PageInfo;
}

export interface TabsProtocol {
  /** Switches to the daily-progress tab, or opens one (never navigates another e-Kinerja page away). */
  openDailyProgress(): void;
  /** The e-Kinerja tab the extension is connected to (the active one first), if any. */
  findEkinerjaTab(): EkinerjaTab | null;
}
