import { useTranslation } from 'react-i18next';

/** From the live screen to Settings' "Telefon som fjärrkontroll", where staff pair a phone. */
export function RemoteLink({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--link remote-link" onClick={onOpen} data-testid="open-remote">
      <span aria-hidden="true" className="button__icon">
        📱
      </span>
      {t('remote.panel.openFromLive')}
    </button>
  );
}
