import type { AppError } from '../../shared/errors';
import { errorTextKeys } from '../i18n/error-text';
import { useDynamicT } from '../i18n/use-dynamic-t';
import { useObsStore } from '../stores/obs-store';

interface Props {
  error: AppError;
  /** `alert` announces it at once; notices shown at start use none. */
  role?: 'alert' | 'none';
  id?: string;
  className?: string;
}

/** One error, said the same way everywhere: what happened, then what to do (and how, step by step). */
export function ErrorMessage({ error, role = 'alert', id, className }: Props) {
  const t = useDynamicT();
  // Errors about the link to OBS may come without the address; the one in use is the right one.
  const address = useObsStore((s) => s.state.connection.address);
  const text = errorTextKeys(error, { address });
  return (
    <div
      id={id}
      role={role === 'alert' ? 'alert' : undefined}
      className={['error-message', className].filter(Boolean).join(' ')}
      data-error-code={error.code}
    >
      <p className="error-message__text">{t(text.message, text.params)}</p>
      {text.details.map((key) => (
        <p key={key} className="error-message__detail">
          {t(key, text.params)}
        </p>
      ))}
      <p className="error-message__action">{t(text.action, text.params)}</p>
      {text.steps.length > 0 && (
        <ol className="error-message__steps" aria-label={t('error.stepsLabel')}>
          {text.steps.map((key) => (
            <li key={key}>{t(key, text.params)}</li>
          ))}
        </ol>
      )}
    </div>
  );
}
