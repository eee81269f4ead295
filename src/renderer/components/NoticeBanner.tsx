import { useTranslation } from 'react-i18next';
import { dismissNotice, useAppStore } from '../stores/app-store';
import { ErrorMessage } from './ErrorMessage';

/** Things the core found at start (e.g. a damaged settings file set aside), until dismissed. */
export function NoticeBanner() {
  const { t } = useTranslation();
  const notices = useAppStore((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-label={t('notices.regionLabel')} data-testid="notices">
      {notices.map((notice, index) => (
        <div key={`${notice.code}-${index}`} className="notice">
          <ErrorMessage error={notice} role="none" />
          <button type="button" className="button button--secondary" onClick={() => dismissNotice(index)}>
            {t('notices.dismiss')}
          </button>
        </div>
      ))}
    </section>
  );
}
