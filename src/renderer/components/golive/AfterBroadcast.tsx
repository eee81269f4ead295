import { useTranslation } from 'react-i18next';
import type { GoLiveState } from '../../../shared/golive/golive-state';
import type { Result } from '../../../shared/result';
import { useApi } from '../../api/api-context';

/** What is left after the broadcast: delete-by date, publisher reports, captions within 14 days. */
export function AfterBroadcast({
  state,
  run,
  onOpenLog,
  onOpenLogEntry,
}: {
  state: GoLiveState;
  run: (work: () => Promise<Result<unknown>>) => void;
  onOpenLog?: () => void;
  onOpenLogEntry?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const broadcast = state.broadcast;
  // The log's entry of this stream, linked by the core when the log opened it. A record-only
  // rehearsal sends nothing anywhere and has no entry.
  const entryId = broadcast?.logEntryId ?? null;
  const plan = state.afterPlan ?? { keepOnline: false, deleteBy: null };
  const itemText = (kind: string, dueDate: string | null): string => {
    switch (kind) {
      case 'checkOffline':
        return t('golive.after.items.checkOffline');
      case 'deleteRecording':
        return dueDate
          ? t('golive.after.items.deleteRecording', { date: dueDate })
          : t('golive.after.items.deleteRecordingNoDate');
      case 'publisherReports':
        return t('golive.after.items.publisherReports');
      default:
        return t('golive.after.items.captions', { date: dueDate ?? '' });
    }
  };
  return (
    <section className="golive-after" aria-labelledby="golive-after-heading">
      <h4 id="golive-after-heading">{t('golive.after.heading')}</h4>
      <ul data-testid="after-broadcast">
        {state.after.map((item) => (
          <li key={item.kind} data-kind={item.kind}>
            {itemText(item.kind, item.dueDate)}
          </li>
        ))}
      </ul>
      <div className="golive-session">
        <label className="golive-toggle">
          <input
            type="checkbox"
            checked={plan.keepOnline}
            onChange={(e) => run(() => api.golive.setAfterPlan({ ...plan, keepOnline: e.target.checked }))}
          />{' '}
          {t('golive.after.keepOnline')}
        </label>
        <div className="field">
          <label htmlFor="golive-delete-by">{t('golive.after.deleteBy')}</label>
          <input
            id="golive-delete-by"
            type="date"
            value={plan.deleteBy ?? ''}
            onChange={(e) => run(() => api.golive.setAfterPlan({ ...plan, deleteBy: e.target.value || null }))}
          />
        </div>
      </div>
      {entryId && <p className="note">{t('golive.after.savedInLog')}</p>}
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={() => run(() => api.golive.dismiss())}>
          {t('golive.after.done')}
        </button>
        {onOpenLogEntry && entryId && (
          <button
            type="button"
            className="button button--secondary"
            data-testid="open-log-entry"
            onClick={() => onOpenLogEntry(entryId)}
          >
            {t('golive.after.openEntry')}
          </button>
        )}
        {onOpenLog && (
          <button type="button" className="button button--secondary" onClick={onOpenLog}>
            {t('golive.after.openLog')}
          </button>
        )}
      </div>
    </section>
  );
}
