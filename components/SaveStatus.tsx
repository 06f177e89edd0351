import { t } from '@/utils/i18n/i18n';
import type { SaveState } from '@/utils/ui/use-autosave';

export type { SaveState };

/** The polite "saving…" / "saved" / "not saved" line of a section whose fields save on change. */
export function SaveStatus({ state }: { state: SaveState }) {
  const text = { idle: '', saving: t('options_saving'), saved: t('options_saved'), failed: t('options_not_saved') }[state];
  return <p role="status" class={`save-status ${state === 'failed' ? 'error' : 'ok'}`}>{text}</p>;
}
