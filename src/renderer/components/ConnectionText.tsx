import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '../lib/connection-view';

/** The link to OBS in words, with a dot whose shape (not only colour) tells the state. */
export function ConnectionText({ view, testId = 'connection-status' }: { view: ConnectionView; testId?: string }) {
  return (
    <span className={`connection-text connection-text--${view.kind}`} data-testid={testId}>
      <span className="connection-text__dot" aria-hidden="true" />
      <ConnectionWords view={view} />
    </span>
  );
}

function ConnectionWords({ view }: { view: ConnectionView }) {
  const { t } = useTranslation();
  switch (view.kind) {
    case 'hostConnecting':
      return t('status.hostConnecting');
    case 'hostLost':
      return t('status.hostLost');
    case 'connected':
      return t('status.connected', { version: view.version });
    case 'obsLoading':
      return t('status.obsLoading', { version: view.version });
    case 'obsStarting':
      return t('status.obsStarting');
    case 'connecting':
      return t('status.connecting');
    case 'reconnecting':
      return t('status.reconnecting');
    case 'reconnectingIn':
      // The countdown changes every second: hidden from the live region so it is not read out
      // each time; a steady phrase is read instead.
      return (
        <>
          <span aria-hidden="true">{t('status.reconnectingIn', { count: view.seconds })}</span>
          <span className="visually-hidden">{t('status.reconnectingAutomatically')}</span>
        </>
      );
    case 'disconnected':
      return t('status.disconnected');
  }
}
