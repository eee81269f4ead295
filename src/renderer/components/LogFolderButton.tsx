import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/errors';
import { useApi } from '../api/api-context';
import { ErrorMessage } from './ErrorMessage';

/** "Open log folder": the desktop app opens it; the browser host says where it is instead. */
export function LogFolderButton() {
  const { t } = useTranslation();
  const api = useApi();
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async () => {
    setError(null);
    setBusy(true);
    const result = await api.app.openLogFolder();
    setBusy(false);
    if (!result.ok) setError(result.error);
  };

  return (
    <div className="log-folder" data-testid="log-folder">
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => void open()}>
        {t('settings.openLogFolder')}
      </button>
      <p className="note">{t('settings.logFolderHint')}</p>
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
