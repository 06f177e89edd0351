import { t } from '@/utils/i18n/i18n';

export type SaveState = 'idle' | 'saved' | 'failed';

/** The polite "saved" / "not saved" line under a form. */
export function SaveStatus({ state }: { state: SaveState }) {
  return (
    <p role="status" class={state === 'failed' ? 'error' : 'ok'}>
      {state === 'saved' ? t('options_saved') : state === 'failed' ? t('options_not_saved') : ''}
    </p>
  );
}
