import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/app-store';
import { ErrorMessage } from './ErrorMessage';

/** Until the settings have arrived from the core; if they cannot, why, and a way to try again. */
export function LoadingScreen({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  const loadError = useAppStore((s) => s.loadError);
  return (
    <main className="screen screen--narrow" aria-busy={!loadError}>
      {loadError ? (
        <>
          <h2 className="screen-heading">{t('app.loadFailed')}</h2>
          <ErrorMessage error={loadError} />
          <button type="button" className="button button--primary" onClick={onRetry}>
            {t('app.retry')}
          </button>
        </>
      ) : (
        <p className="lead">{t('app.loading')}</p>
      )}
    </main>
  );
}
