import { useTranslation } from 'react-i18next';
import { useAction } from '../../hooks/use-action';
import { ScreenHeading } from '../ScreenHeading';

/** The remote's address, but the computer does not answer (the remote is off, or another network). */
export function UnreachablePage({ onRetry }: { onRetry: () => Promise<void> }) {
  const { t } = useTranslation();
  const { run, pending } = useAction();
  return (
    <div className="remote-page">
      <header className="remote-page__header">
        <p className="remote-page__brand">{t('app.title')}</p>
      </header>
      <main className="remote-page__body" data-testid="remote-unreachable">
        <ScreenHeading>{t('remote.unreachable.message')}</ScreenHeading>
        <p>{t('remote.unreachable.action')}</p>
        <button
          type="button"
          className="button button--primary remote-wide"
          aria-disabled={pending}
          onClick={() =>
            void run(async () => {
              await onRetry();
              return { ok: true, value: null };
            })
          }
        >
          {t('remote.retry')}
        </button>
      </main>
    </div>
  );
}
