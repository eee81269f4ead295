import { useTranslation } from 'react-i18next';
import type { RemoteAction } from '../../../shared/broadcast-log/entry-schema';
import { formatTime } from './format';

/** What paired phones and tablets did during the broadcast, by name: who did what, and when. */
export function RemoteActionsList({ actions }: { actions: RemoteAction[] }) {
  const { t, i18n } = useTranslation();
  if (actions.length === 0) return null;
  return (
    <>
      <h4>{t('log.detail.remoteActions')}</h4>
      <ol className="log-timeline-list" data-testid="log-remote-actions">
        {actions.map((a, i) => (
          <li key={`${a.at}-${i}`}>
            {formatTime(Date.parse(a.at), i18n.language)} – {a.device}:{' '}
            {t(`log.detail.remoteActionWords.${a.action}`, { target: a.target ?? '–' })}
          </li>
        ))}
      </ol>
    </>
  );
}
