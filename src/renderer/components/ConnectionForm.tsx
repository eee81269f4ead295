import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseObsAddress } from '../../shared/obs-address';
import type { PublicSettings } from '../../shared/settings';
import { useApi } from '../api/api-context';
import { useAction } from '../hooks/use-action';
import { fieldOfError } from '../lib/form-errors';
import { initialPasswordMode, passwordChange, type PasswordMode } from '../lib/password-change';
import { useObsStore } from '../stores/obs-store';
import { setSettings } from '../stores/settings-store';
import { ErrorMessage } from './ErrorMessage';
import { PasswordField } from './PasswordField';

/**
 * The OBS address and password, used on the first-run screen and in Settings.
 * Errors about a field are shown next to it: from the check before saving, from saving,
 * or from the connect attempt that saving starts.
 */
export function ConnectionForm({ settings }: { settings: PublicSettings }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [address, setAddress] = useState(settings.obs.address);
  const [password, setPassword] = useState('');
  const [mode, setMode] = useState<PasswordMode>(initialPasswordMode(settings.obs.passwordSaved));
  // Saving: pressed again while on its way, nothing more is sent.
  const { run, fail, clear, pending: saving, error: saveError } = useAction();
  const connectionError = useObsStore((s) => s.state.connection.error);

  // OBS refused the saved password: open the field, since typing a new one is the only way on.
  useEffect(() => {
    if (connectionError?.code === 'OBS_AUTH_FAILED' || connectionError?.code === 'OBS_PASSWORD_REQUIRED') {
      setMode((current) => (current === 'saved' ? 'edit' : current));
    }
  }, [connectionError]);

  // The last save's error wins; otherwise the connection's, if it is about a field.
  const shown = saveError ?? connectionError;
  const field = shown ? fieldOfError(shown) : null;
  const addressError = field === 'address' ? shown : null;
  const passwordError = field === 'password' ? shown : null;
  const formError = saveError && field === 'form' ? saveError : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    // The core's own parser: what passes here connects, and a refusal names the reason.
    const parsed = parseObsAddress(address);
    if (!parsed.ok) {
      fail(parsed.error);
      return;
    }
    const normalized = parsed.value;
    setAddress(normalized);
    const result = await run(() =>
      api.settings.saveConnection({ address: normalized, password: passwordChange(mode, password) }),
    );
    if (!result?.ok) return;
    setSettings(result.value);
    // The typed password is not kept once it is saved; from now on the form only knows it exists.
    setPassword('');
    setMode(initialPasswordMode(result.value.obs.passwordSaved));
  };

  const addressIds = { hint: `${id}-address-hint`, error: `${id}-address-error` };
  return (
    <form className="connection-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor={`${id}-address`}>{t('connection.address')}</label>
        <p id={addressIds.hint} className="field__hint">
          {t('connection.addressHint')}
        </p>
        <input
          id={`${id}-address`}
          name="address"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          maxLength={2048}
          value={address}
          aria-invalid={addressError ? true : undefined}
          aria-describedby={[addressIds.hint, addressError ? addressIds.error : null].filter(Boolean).join(' ')}
          onChange={(e) => {
            setAddress(e.target.value);
            if (saveError && fieldOfError(saveError) === 'address') clear();
          }}
        />
        {addressError && <ErrorMessage id={addressIds.error} error={addressError} className="field__error" />}
      </div>
      <PasswordField
        mode={mode}
        passwordSaved={settings.obs.passwordSaved}
        value={password}
        error={passwordError}
        onModeChange={(next) => {
          setMode(next);
          setPassword('');
        }}
        onValueChange={(value) => {
          setPassword(value);
          if (saveError && fieldOfError(saveError) === 'password') clear();
        }}
      />
      {formError && <ErrorMessage error={formError} />}
      <div className="form-actions">
        {/* aria-disabled, not disabled: a disabled button drops the keyboard focus. */}
        <button type="submit" className="button button--primary" aria-disabled={saving || undefined}>
          {t('connection.connect')}
        </button>
        {saving && <span className="form-actions__busy">{t('connection.saving')}</span>}
      </div>
    </form>
  );
}
