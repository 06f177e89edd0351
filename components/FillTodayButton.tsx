import { t } from '@/utils/i18n/i18n';
import { useStartRun } from '@/utils/ui/use-start-run';

/**
 * The popup's primary action: "Isi Progress Harian hari ini" — brings up e-Kinerja's
 * daily-progress page, opens its "Tambah Progress Harian" modal and fills it from the template for
 * today's weekday; the user checks it and clicks OK (utils/reporting/run.ts). Placed by the popup's
 * layout (PopupApp).
 */
export function FillTodayButton() {
  const { start, error, busy } = useStartRun();
  return (
    <div class="fill-today">
      <button type="button" class="primary fill-today-button" disabled={busy} onClick={() => void start({ what: 'today' })}>
        {t('popup_fill_today')}
      </button>
      {error && <p role="alert" class="error">{error}</p>}
    </div>
  );
}
