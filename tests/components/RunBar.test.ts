import { describe, expect, it } from 'vitest';
import { RunBar } from '@/components/RunBar';
import type { RunView } from '@/utils/reporting/run';

const VIEW: RunView = {
  id: 'run-1', kind: 'queue', position: 2, total: 5, date: '2026-12-04', stage: 'open', attempt: 2,
  failed: false, finished: false, stopped: false, reported: 1, skipped: 0, already: 0,
};

const bar = (view: Partial<RunView>) =>
  RunBar({ view: { ...VIEW, ...view }, page: 'daily-progress', dailyProgressUrl: 'https://kinerja.bkn.go.id/kinerja_harian', onSkip() {}, onStop() {}, onDismiss() {} });
const buttons = (el: HTMLElement) => [...el.querySelectorAll('button')].map((b) => b.textContent);
const line = (el: HTMLElement) => el.querySelector('[role="status"]')?.textContent;

describe('RunBar', () => {
  it('a queue offers Lewati and names it; a run of one day has no Lewati and never names it', () => {
    for (const state of [{ failed: true }, { stage: 'unconfirmed' as const }]) {
      const queue = bar({ ...state });
      expect(buttons(queue)).toEqual(['Lewati', 'Berhenti']);
      expect(line(queue)).toMatch(/atau Lewati\.$/);
      const one = bar({ ...state, kind: 'one', position: 1, total: 1 });
      expect(buttons(one)).toEqual(['Berhenti']);
      expect(line(one)).toMatch(/atau Berhenti\.$/);
    }
    expect(line(bar({ kind: 'one', failed: true }))).toBe('Situs gagal menyimpan; hari tersebut tetap belum dilaporkan. Coba OK lagi, atau Berhenti.');
  });
});
