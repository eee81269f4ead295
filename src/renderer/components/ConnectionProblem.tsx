import { useTranslation } from 'react-i18next';
import { appError, type AppError, type ErrorCode } from '../../shared/errors';
import { fieldOfError } from '../lib/form-errors';
import { useAppStore } from '../stores/app-store';
import { useObsStore } from '../stores/obs-store';
import { ErrorMessage } from './ErrorMessage';

/** Errors the user fixes by changing the address or password. */
const fixedInSettings = new Set<ErrorCode>([
  'OBS_ADDRESS_INVALID',
  'OBS_ADDRESS_HAS_CREDENTIALS',
  'OBS_UNREACHABLE',
  'OBS_PASSWORD_REQUIRED',
  'OBS_AUTH_FAILED',
  'OBS_NOT_V5',
]);

interface Props {
  /** Offers a button to the connection settings when they are the fix. */
  onEditConnection?: () => void;
  /** Inside the connection form, address and password errors are shown by their fields. */
  besideForm?: boolean;
}

/** Why the app is not connected (to its host or to OBS), and what to do about it. */
export function ConnectionProblem({ onEditConnection, besideForm = false }: Props) {
  const { t } = useTranslation();
  const hostLost = useAppStore((s) => s.host === 'lost');
  const connection = useObsStore((s) => s.state.connection);

  let error: AppError | null = null;
  if (hostLost) error = appError('HOST_CONNECTION_LOST');
  else if (connection.status !== 'connected' && connection.error) error = connection.error;
  if (!error || (besideForm && fieldOfError(error) !== 'form')) return null;

  return (
    <div className="connection-problem" data-testid="connection-problem">
      <ErrorMessage error={error} />
      {onEditConnection && fixedInSettings.has(error.code) && (
        <button type="button" className="button button--secondary" onClick={onEditConnection}>
          {t('connection.editConnection')}
        </button>
      )}
    </div>
  );
}
