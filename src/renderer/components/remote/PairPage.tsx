import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEVICE_NAME_MAX } from '../../../shared/remote/remote-state';
import { fail, ok } from '../../../shared/result';
import type { AppError } from '../../../shared/errors';
import { useAction } from '../../hooks/use-action';
import { pairDevice, type PhoneDevice } from '../../remote/boot-mode';
import { ErrorMessage } from '../ErrorMessage';
import { ScreenHeading } from '../ScreenHeading';

interface Props {
  computerName: string;
  /** From the QR code: then only the name is asked for. */
  secret: string | null;
  /** Why this phone is here again, e.g. its access ended. */
  reason: AppError | null;
  onPaired: (computerName: string, device: PhoneDevice) => void;
}

type Missing = 'name' | 'code' | null;

/**
 * The phone's first page: its name ("Annas telefon") and, without a QR code's secret, the six
 * digits shown on the computer. The host sets the device cookie in its answer.
 */
export function PairPage({ computerName, secret, reason, onPaired }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState<Missing>(null);
  const { run, pending, error } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const trimmed = name.trim();
    const digits = code.replace(/\D/g, '');
    if (!trimmed) return setMissing('name');
    if (secret === null && digits.length !== 6) return setMissing('code');
    setMissing(null);
    const result = await run(async () => {
      const answer = await pairDevice(secret !== null ? { secret, name: trimmed } : { code: digits, name: trimmed });
      return answer.ok ? ok(answer) : fail(answer.error);
    });
    if (result?.ok) onPaired(result.value.computerName, result.value.device);
  };

  const nameError = missing === 'name' ? `${id}-name-missing` : undefined;
  const codeError = missing === 'code' ? `${id}-code-missing` : undefined;
  return (
    <div className="remote-page">
      <header className="remote-page__header">
        <p className="remote-page__brand">{t('app.title')}</p>
      </header>
      <main className="remote-page__body" data-testid="pair-page">
        <ScreenHeading>{t('remote.pair.heading')}</ScreenHeading>
        {computerName && (
          <p className="remote-page__computer">{t('remote.pair.computer', { computer: computerName })}</p>
        )}
        {reason && !error && <ErrorMessage error={reason} role="none" />}
        <form className="remote-form" onSubmit={(e) => void submit(e)} noValidate>
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('remote.pair.name')}</label>
            <p className="field__hint" id={`${id}-name-hint`}>
              {t('remote.pair.nameHint')}
            </p>
            <input
              id={`${id}-name`}
              type="text"
              name="device-name"
              autoComplete="off"
              enterKeyHint={secret === null ? 'next' : 'go'}
              maxLength={DEVICE_NAME_MAX}
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-describedby={[`${id}-name-hint`, nameError].filter(Boolean).join(' ')}
              aria-invalid={missing === 'name' || undefined}
              data-testid="pair-name"
            />
            {nameError && (
              <p className="field__error" id={nameError} role="alert">
                {t('remote.pair.nameMissing')}
              </p>
            )}
          </div>
          {secret === null && (
            <div className="field">
              <label htmlFor={`${id}-code`}>{t('remote.pair.code')}</label>
              <p className="field__hint" id={`${id}-code-hint`}>
                {t('remote.pair.codeHint')}
              </p>
              <input
                id={`${id}-code`}
                className="remote-form__code"
                type="text"
                name="pairing-code"
                inputMode="numeric"
                pattern="[0-9]*"
                autoComplete="one-time-code"
                enterKeyHint="go"
                maxLength={7}
                value={code}
                onChange={(e) => setCode(e.target.value.replace(/[^\d ]/g, ''))}
                aria-describedby={[`${id}-code-hint`, codeError].filter(Boolean).join(' ')}
                aria-invalid={missing === 'code' || undefined}
                data-testid="pair-code"
              />
              {codeError && (
                <p className="field__error" id={codeError} role="alert">
                  {t('remote.pair.codeMissing')}
                </p>
              )}
            </div>
          )}
          {error && <ErrorMessage error={error} />}
          <button type="submit" className="button button--primary remote-wide" aria-disabled={pending}>
            {pending ? t('remote.pair.pending') : t('remote.pair.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
