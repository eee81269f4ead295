import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/errors';
import type { PasswordMode } from '../lib/password-change';
import { ErrorMessage } from './ErrorMessage';

interface Props {
  mode: PasswordMode;
  passwordSaved: boolean;
  value: string;
  error: AppError | null;
  onModeChange: (mode: PasswordMode) => void;
  onValueChange: (value: string) => void;
}

/**
 * The OBS password. Once saved it is never shown again, not even masked: the field says
 * "Password saved" and offers to change or remove it.
 */
export function PasswordField({ mode, passwordSaved, value, error, onModeChange, onValueChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const focusTarget = useRef<HTMLElement | null>(null);
  const setFocusTarget = (element: HTMLElement | null) => {
    focusTarget.current = element;
  };
  const movedByUser = useRef(false);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;

  // The buttons here replace themselves; move the keyboard focus to the control that took their
  // place. Not after a save, which also changes the mode: the focus stays on Connect then.
  useEffect(() => {
    if (!movedByUser.current) return;
    movedByUser.current = false;
    focusTarget.current?.focus();
  }, [mode]);

  const switchTo = (next: PasswordMode) => {
    movedByUser.current = true;
    onModeChange(next);
  };

  const errorBlock = error && <ErrorMessage id={errorId} error={error} className="field__error" />;

  if (mode === 'edit') {
    return (
      <div className="field">
        <label htmlFor={`${id}-input`}>{passwordSaved ? t('connection.newPassword') : t('connection.password')}</label>
        <p id={hintId} className="field__hint">
          {t('connection.passwordHint')}
        </p>
        <div className="field__row">
          <input
            ref={setFocusTarget}
            id={`${id}-input`}
            name="password"
            type="password"
            autoComplete="off"
            maxLength={1024}
            value={value}
            aria-invalid={error ? true : undefined}
            aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(' ')}
            onChange={(e) => onValueChange(e.target.value)}
          />
          {passwordSaved && (
            <button type="button" className="button button--secondary" onClick={() => switchTo('saved')}>
              {t('connection.cancelChange')}
            </button>
          )}
        </div>
        {errorBlock}
      </div>
    );
  }

  return (
    <div className="field" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="field__label">
        {t('connection.password')}
      </span>
      {mode === 'saved' ? (
        <div className="field__row">
          <span className="password-saved" data-testid="password-saved">
            {t('connection.passwordSaved')}
          </span>
          <button
            ref={setFocusTarget}
            type="button"
            className="button button--secondary"
            onClick={() => switchTo('edit')}
          >
            {t('connection.changePassword')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => switchTo('clear')}>
            {t('connection.clearPassword')}
          </button>
        </div>
      ) : (
        <div className="field__row">
          <span className="password-saved">{t('connection.passwordWillBeCleared')}</span>
          <button
            ref={setFocusTarget}
            type="button"
            className="button button--secondary"
            onClick={() => switchTo('saved')}
          >
            {t('connection.undoClear')}
          </button>
        </div>
      )}
      {errorBlock}
    </div>
  );
}
