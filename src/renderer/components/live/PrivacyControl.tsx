import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { runLive, useLiveStore } from '../../stores/live-store';

/** The privacy cut and its undo; the banner shows on every client, since the core holds it. */
export function PrivacyControl() {
  const { t } = useTranslation();
  const api = useApi();
  const privacy = useLiveStore((s) => s.state.privacy);
  if (privacy.active) {
    return (
      <section className="live-privacy live-privacy--active" data-testid="privacy-active" role="status">
        <p className="live-privacy__text">{t('live.privacy.active')}</p>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void runLive(() => api.live.privacyRestore())}
        >
          {privacy.previousScene
            ? t('live.privacy.restoreTo', { scene: privacy.previousScene })
            : t('live.privacy.restore')}{' '}
          <kbd aria-hidden="true">{t('live.privacy.cutHint')}</kbd>
        </button>
      </section>
    );
  }
  return (
    <section className="live-privacy">
      <button
        type="button"
        className="button button--danger live-privacy__cut"
        title={t('live.privacy.explain')}
        onClick={() => void runLive(() => api.live.privacyCut())}
      >
        {t('live.privacy.cut')} <kbd aria-hidden="true">{t('live.privacy.cutHint')}</kbd>
      </button>
      <p className="live-privacy__explain">{t('live.privacy.explain')}</p>
    </section>
  );
}
