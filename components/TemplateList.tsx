import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/utils/i18n/i18n';
import type { TemplateRecord } from '@/utils/db/schema';
import { clockText } from '@/utils/calendar/dates';
import { weekdaysText } from './TemplateWeekdays';

export type TemplateAction = 'edit' | 'duplicate' | 'delete' | 'up' | 'down' | 'default';

export interface Props {
  templates: readonly TemplateRecord[];
  locale: string;
  /** The template whose deletion waits for the user's confirmation. */
  confirmingDelete: string | null;
  /** After a change, the button to give focus to: `[template id, action]`. */
  focus: [string, TemplateAction] | null;
  onAction(id: string, action: TemplateAction): void;
  onConfirmDelete(id: string): void;
  onCancelDelete(): void;
}

/**
 * The templates in the user's order: name, weekdays, times, Rencana Aksi, and a "Default" marker;
 * per template the buttons Ubah, Duplikat, Naikkan, Turunkan, Jadikan default and Hapus (which
 * asks first). Every button's accessible name includes the template's name.
 */
export function TemplateList({ templates, locale, confirmingDelete, focus, onAction, onConfirmDelete, onCancelDelete }: Props) {
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (!focus) return;
    const [id, action] = focus;
    const item = listRef.current?.querySelector(`li[data-id="${CSS.escape(id)}"]`);
    // A move button that became disabled (the template reached an end) hands focus to the other one.
    const other = action === 'up' ? 'down' : action === 'down' ? 'up' : 'edit';
    const wanted = item?.querySelector<HTMLButtonElement>(`button[data-action="${action}"]:not([disabled])`)
      ?? item?.querySelector<HTMLButtonElement>(`button[data-action="${other}"]:not([disabled])`)
      ?? item?.querySelector<HTMLButtonElement>('button[data-action="edit"]');
    wanted?.focus();
  }, [focus]);

  useEffect(() => {
    if (confirmingDelete === null) return;
    listRef.current?.querySelector<HTMLButtonElement>('button[data-action="cancel-delete"]')?.focus();
  }, [confirmingDelete]);

  return (
    <ol ref={listRef} class="tpl-list" aria-labelledby="tpl-list-title">
      {templates.map((tpl, i) => (
        <li key={tpl.id} data-id={tpl.id} class={tpl.isDefault ? 'tpl-item tpl-item-default' : 'tpl-item'}>
          <div class="tpl-item-head">
            <strong class="tpl-item-name">{tpl.name}</strong>
            {tpl.isDefault && <span class="tpl-badge">{t('templates_default_badge')}</span>}
          </div>
          <p class="tpl-item-meta">
            {weekdaysText(tpl.weekdays, locale)} · {clockText(tpl.jamMulai, locale)}–{clockText(tpl.jamSelesai, locale)} · {tpl.rencanaAksi}
          </p>
          {confirmingDelete === tpl.id ? (
            <div class="confirm" role="group" aria-label={t('templates_delete_named', tpl.name)}>
              <p>{t('templates_delete_confirm', tpl.name)}</p>
              <button type="button" class="danger" data-action="confirm-delete" onClick={() => onConfirmDelete(tpl.id)}>
                {t('templates_delete_yes')}
              </button>
              <button type="button" data-action="cancel-delete" onClick={onCancelDelete}>{t('templates_cancel')}</button>
            </div>
          ) : (
            <div class="tpl-item-actions">
              <button type="button" data-action="edit" aria-label={t('templates_edit_named', tpl.name)} onClick={() => onAction(tpl.id, 'edit')}>
                {t('templates_edit')}
              </button>
              <button type="button" data-action="duplicate" aria-label={t('templates_duplicate_named', tpl.name)} onClick={() => onAction(tpl.id, 'duplicate')}>
                {t('templates_duplicate')}
              </button>
              <button type="button" data-action="up" disabled={i === 0} aria-label={t('templates_move_up_named', tpl.name)} onClick={() => onAction(tpl.id, 'up')}>
                {t('templates_move_up')}
              </button>
              <button
                type="button"
                data-action="down"
                disabled={i === templates.length - 1}
                aria-label={t('templates_move_down_named', tpl.name)}
                onClick={() => onAction(tpl.id, 'down')}
              >
                {t('templates_move_down')}
              </button>
              {!tpl.isDefault && (
                <button type="button" data-action="default" aria-label={t('templates_make_default_named', tpl.name)} onClick={() => onAction(tpl.id, 'default')}>
                  {t('templates_make_default')}
                </button>
              )}
              <button type="button" data-action="delete" aria-label={t('templates_delete_named', tpl.name)} onClick={() => onAction(tpl.id, 'delete')}>
                {t('templates_delete')}
              </button>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
