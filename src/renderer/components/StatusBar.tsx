import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/errors';
import { useConnectionView } from '../hooks/use-connection-view';
import { useReconnect } from '../hooks/use-reconnect';
import { offersReconnect } from '../lib/connection-view';
import { ConnectionText } from './ConnectionText';
import { ErrorMessage } from './ErrorMessage';
import { OutputIndicators } from './OutputIndicators';
import { useLiveStore } from '../stores/live-store';

/**
 * Always at the bottom: the link to OBS, whether OBS is live or recording, and whether picture
 * and sound are hidden (P works on every screen, so every screen must show what it did).
 */
export function StatusBar({ keyError = null }: { keyError?: AppError | null }) {
  const { t } = useTranslation();
  const view = useConnectionView();
  const { reconnect, error } = useReconnect();
  const hidden = useLiveStore((s) => s.state.privacy.active);
  return (
    <footer className="status-bar">
      <div className="status-bar__row">
        <div className="status-bar__state" role="status" aria-live="polite" aria-label={t('status.regionLabel')}>
          <ConnectionText view={view} />
          {(view.kind === 'connected' || view.kind === 'obsLoading') && <OutputIndicators />}
          {view.kind === 'connected' && hidden && (
            <strong className="status-bar__privacy" data-testid="status-privacy">
              {t('live.privacy.statusActive')}
            </strong>
          )}
        </div>
        {offersReconnect(view) && (
          <button type="button" className="button button--secondary" onClick={() => void reconnect()}>
            {t('status.reconnectNow')}
          </button>
        )}
      </div>
      {error && <ErrorMessage error={error} className="status-bar__error" />}
      {keyError && <ErrorMessage error={keyError} className="status-bar__error" />}
    </footer>
  );
}
