import { useTranslation } from 'react-i18next';

export function KeyHints() {
  const { t } = useTranslation();
  return (
    <aside className="live-keys" aria-label={t('live.keys.heading')}>
      <ul>
        <li>{t('live.keys.scenes')}</li>
        <li>{t('live.keys.take')}</li>
        <li>{t('live.keys.mute')}</li>
        <li>{t('live.keys.privacy')}</li>
      </ul>
    </aside>
  );
}
