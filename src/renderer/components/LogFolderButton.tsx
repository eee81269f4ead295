import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context';
import { useAction } from '../hooks/use-action';
import { ErrorMessage } from './ErrorMessage';

/** "Open log folder": the desktop app opens it; the browser host says where it is instead. */
export function LogFolderButton() {
  const { t } = useTranslation();
  const api = useApi();
  const { run, pending, error } = useAction();

  return (
    <div className="log-folder" data-testid="log-folder">
      <button
        type="button"
        className="button button--secondary"
        disabled={pending}
        onClick={() => void run(() => api.app.openLogFolder())}
      >
        {t('settings.openLogFolder')}
      </button>
      <p className="note">{t('settings.logFolderHint')}</p>
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
