import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '../i18n/i18n';
import type { SettingsPatch } from '../settings/settings';
import type { SaveSettingsResult } from '../messaging/settings';

/** What a section's status line says: nothing yet, saving, every field saved, or a field refused. */
export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * The bookkeeping of a section whose fields save on change: saves run one after another (a later
 * change never lands before an earlier one), the state is "saving" while any is pending, then
 * "failed" while any field's last save was refused, else "saved". While a field is refused the
 * page asks before it is left (its typed value is not stored yet).
 */
export class SaveTracker {
  private chain: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private readonly refused = new Set<string>();
  private saved = false;

  constructor(private readonly onState: (state: SaveState) => void) {}

  get state(): SaveState {
    if (this.pending > 0) return 'saving';
    if (this.refused.size > 0) return 'failed';
    return this.saved ? 'saved' : 'idle';
  }

  /** Whether a field's change is refused and not stored. */
  get unsaved(): boolean {
    return this.refused.size > 0;
  }

  /** Runs `job` (true when the field was saved) after the saves before it. */
  run(field: string, job: () => Promise<boolean>): Promise<boolean> {
    this.pending += 1;
    this.onState(this.state);
    const done = this.chain.then(job).catch(() => false).then((ok) => {
      this.pending -= 1;
      if (ok) {
        this.refused.delete(field);
        this.saved = true;
      } else {
        this.refused.add(field);
      }
      this.onState(this.state);
      return ok;
    });
    this.chain = done;
    return done;
  }

  /** After every save asked for so far: whether all fields are stored (none refused). */
  async settled(): Promise<boolean> {
    await this.chain;
    return !this.unsaved;
  }
}

/** A SaveTracker for a component, and a leave-the-page question while a change is refused. */
export function useAutosave(): { state: SaveState; run: SaveTracker['run']; settled: () => Promise<boolean> } {
  const [state, setState] = useState<SaveState>('idle');
  const tracker = useRef<SaveTracker | null>(null);
  tracker.current ??= new SaveTracker(setState);
  useEffect(() => {
    const ask = (e: BeforeUnloadEvent) => {
      if (!tracker.current?.unsaved) return;
      e.preventDefault();
      e.returnValue = '';
    };
    addEventListener('beforeunload', ask);
    return () => removeEventListener('beforeunload', ask);
  }, []);
  const run = useCallback<SaveTracker['run']>((field, job) => tracker.current!.run(field, job), []);
  const settled = useCallback(() => tracker.current!.settled(), []);
  return { state, run, settled };
}

/** What to show at a field after a settings save: nothing when saved, else the refusal's message. */
export function settingsProblem(res: SaveSettingsResult | null): MessageKey | undefined {
  if (!res) return 'error_background';
  return res.ok ? undefined : (res.problems[0]?.code ?? 'options_not_saved');
}

/**
 * Settings fields that save on change (the options' sections and the welcome page share it):
 * one save after another (useAutosave), a refusal shown at its field (`errors`), which gets the
 * focus (`controls`: each field's control id); `onSaved` after each stored change.
 */
export function useSettingsFields<F extends string>(
  controls: Readonly<Record<F, string>>,
  save: (patch: SettingsPatch) => Promise<SaveSettingsResult>,
  onSaved?: () => void,
) {
  const autosave = useAutosave();
  const [errors, setErrors] = useState<Partial<Record<F, MessageKey>>>({});
  const saveField = (field: F, patch: SettingsPatch) => autosave.run(field, async () => {
    const problem = settingsProblem(await save(patch).catch(() => null));
    setErrors((e) => ({ ...e, [field]: problem }));
    if (problem) document.getElementById(controls[field])?.focus();
    else onSaved?.();
    return problem === undefined;
  });
  return { state: autosave.state, settled: autosave.settled, errors, saveField };
}
