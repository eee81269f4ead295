import { useTranslation } from 'react-i18next';
import { useConnectionView } from '../hooks/use-connection-view';
import { ConnectionText } from './ConnectionText';

/**
 * The link to OBS on the connection screens, e.g. "Ansluten till OBS 32.2.2", so whoever sets
 * it up sees which OBS answered. Not a live region: the status bar already announces changes.
 */
export function ConnectionStatusLine() {
  const { t } = useTranslation();
  const view = useConnectionView();
  return (
    <p className="connection-status-line">
      <span className="visually-hidden">{t('connection.statusHeading')}: </span>
      <ConnectionText view={view} testId="connection-screen-status" />
    </p>
  );
}
