import { useTranslation } from 'react-i18next';
import { useConnectionView } from '../hooks/use-connection-view';
import { useReconnect } from '../hooks/use-reconnect';
import { offersReconnect } from '../lib/connection-view';
import { ConnectionText } from './ConnectionText';
import { ErrorMessage } from './ErrorMessage';
import { OutputIndicators } from './OutputIndicators';

/** Always at the bottom: the link to OBS, and whether OBS is live or recording. */
export function StatusBar() {
  const { t } = useTranslation();
  const view = useConnectionView();
  const { reconnect, error } = useReconnect();
  return (
    <footer className="status-bar">
      <div className="status-bar__row">
        <div className="status-bar__state" role="status" aria-live="polite" aria-label={t('status.regionLabel')}>
          <ConnectionText view={view} />
          {(view.kind === 'connected' || view.kind === 'obsLoading') && <OutputIndicators />}
        </div>
        {offersReconnect(view) && (
          <button type="button" className="button button--secondary" onClick={() => void reconnect()}>
            {t('status.reconnectNow')}
          </button>
        )}
      </div>
      {error && <ErrorMessage error={error} className="status-bar__error" />}
    </footer>
  );
}
