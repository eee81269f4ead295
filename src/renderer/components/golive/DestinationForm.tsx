import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Destination, KeyChange } from '../../../shared/destinations/destination-schema';
import { platforms, PlatformSchema, type Platform } from '../../../shared/destinations/platforms';
import { cleanStreamKey, splitServerAndKey } from '../../../shared/destinations/stream-url';
import { useApi } from '../../api/api-context';
import { useAction } from '../../hooks/use-action';
import { useAppStore } from '../../stores/app-store';
import { ErrorMessage } from '../ErrorMessage';

interface Props {
  /** null: a new destination. */
  destination: Destination | null;
  onDone: () => void;
}

type KeyMode = 'keep' | 'set' | 'clear';

/**
 * Adds or edits a destination. The stored key is never loaded: it shows as "saved" until
 * staff press Show key (destinations.revealKey). A URL-with-key pasted into the server field
 * is split at once, so staff see where each part went.
 */
export function DestinationForm({ destination, onDone }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const protection = useAppStore((s) => s.info?.secretProtection ?? null);
  const id = useId();
  const [name, setName] = useState(destination?.name ?? '');
  const [platform, setPlatform] = useState<Platform>(destination?.platform ?? 'facebook');
  const [server, setServer] = useState(destination?.server ?? platforms.facebook.server);
  const [keyMode, setKeyMode] = useState<KeyMode>(destination?.hasKey ? 'keep' : 'set');
  const [key, setKey] = useState('');
  const [showKey, setShowKey] = useState(false);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [isTest, setIsTest] = useState(destination?.isTest ?? false);
  const [splitNotice, setSplitNotice] = useState(false);
  // Saving: pressed again while on its way, nothing more is sent.
  const { run, fail, pending: busy, error } = useAction();

  const choosePlatform = (next: Platform) => {
    // Prefill unless staff typed their own server.
    const defaults = Object.values(platforms).map((p) => p.server);
    if (server === '' || defaults.includes(server)) setServer(platforms[next].server);
    setPlatform(next);
  };

  const changeServer = (value: string) => {
    const split = splitServerAndKey(value);
    if (split.key !== null) {
      setServer(split.server);
      setKey(split.key);
      setKeyMode('set');
      setSplitNotice(true);
    } else {
      setServer(value);
    }
  };

  const reveal = async () => {
    if (!destination) return;
    if (revealed !== null) {
      setRevealed(null);
      return;
    }
    const result = await api.destinations.revealKey({ id: destination.id });
    if (result.ok) setRevealed(result.value.key);
    else fail(result.error);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const keyChange: KeyChange =
      keyMode === 'set' && cleanStreamKey(key) !== ''
        ? { kind: 'set', value: key }
        : keyMode === 'clear'
          ? { kind: 'clear' }
          : { kind: 'keep' };
    const result = await run(() =>
      api.destinations.save({
        ...(destination ? { id: destination.id } : {}),
        name,
        platform,
        server,
        key: keyChange,
        isTest,
      }),
    );
    // The typed key leaves the form's memory as soon as it is saved.
    if (result?.ok) {
      setKey('');
      setRevealed(null);
      onDone();
    }
  };

  const keyInputId = `${id}-key`;
  return (
    <form className="golive-form panel" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>
        {destination ? t('golive.destinations.form.editHeading') : t('golive.destinations.form.addHeading')}
      </h3>
      {error && <ErrorMessage error={error} />}
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('golive.destinations.form.name')}</label>
        <input
          id={`${id}-name`}
          type="text"
          value={name}
          required
          maxLength={120}
          aria-describedby={`${id}-name-hint`}
          onChange={(e) => setName(e.target.value)}
        />
        <p id={`${id}-name-hint`} className="field__hint">
          {t('golive.destinations.form.nameHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-platform`}>{t('golive.destinations.form.platform')}</label>
        <select
          id={`${id}-platform`}
          value={platform}
          onChange={(e) => choosePlatform(PlatformSchema.parse(e.target.value))}
        >
          {PlatformSchema.options.map((p) => (
            <option key={p} value={p}>
              {t(`golive.destinations.platforms.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-server`}>{t('golive.destinations.form.server')}</label>
        <input
          id={`${id}-server`}
          type="text"
          value={server}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={`${id}-server-hint`}
          onChange={(e) => changeServer(e.target.value)}
        />
        <p id={`${id}-server-hint`} className="field__hint">
          {t('golive.destinations.form.serverHint')}
        </p>
        {platforms[platform].backupServer && (
          <p className="field__hint">
            {t('golive.destinations.form.backupServer', { server: platforms[platform].backupServer })}
          </p>
        )}
        {splitNotice && (
          <p className="note" role="status">
            {t('golive.destinations.form.splitNotice')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={keyInputId}>{t('golive.destinations.form.key')}</label>
        {keyMode === 'set' ? (
          <div className="field__row">
            <input
              id={keyInputId}
              type={showKey ? 'text' : 'password'}
              value={key}
              spellCheck={false}
              autoComplete="off"
              aria-describedby={`${id}-key-hint`}
              onChange={(e) => setKey(e.target.value)}
            />
            <button
              type="button"
              className="button button--secondary"
              aria-pressed={showKey}
              onClick={() => setShowKey((v) => !v)}
            >
              {showKey ? t('golive.destinations.form.hide') : t('golive.destinations.form.reveal')}
            </button>
            {destination?.hasKey && (
              <button type="button" className="button button--link" onClick={() => setKeyMode('keep')}>
                {t('golive.destinations.form.cancel')}
              </button>
            )}
          </div>
        ) : keyMode === 'keep' ? (
          <div className="field__row">
            <output id={keyInputId} className="golive-key" data-testid="stream-key-masked">
              {revealed ?? t('golive.destinations.form.keySavedMasked')}
            </output>
            <button
              type="button"
              className="button button--secondary"
              aria-pressed={revealed !== null}
              onClick={() => void reveal()}
            >
              {revealed !== null ? t('golive.destinations.form.hide') : t('golive.destinations.form.reveal')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setRevealed(null);
                setKeyMode('set');
              }}
            >
              {t('golive.destinations.form.changeKey')}
            </button>
            <button
              type="button"
              className="button button--link"
              onClick={() => {
                setRevealed(null);
                setKeyMode('clear');
              }}
            >
              {t('golive.destinations.form.clearKey')}
            </button>
          </div>
        ) : (
          <p className="note">
            {t('golive.destinations.form.keyWillBeCleared')}{' '}
            <button type="button" className="button button--link" onClick={() => setKeyMode('keep')}>
              {t('golive.destinations.form.cancel')}
            </button>
          </p>
        )}
        <p id={`${id}-key-hint`} className="field__hint">
          {t('golive.destinations.form.keyHint')}
        </p>
        {protection && (
          <p className="note" data-testid="key-protection">
            {protection === 'owner-only-file'
              ? t('golive.destinations.form.keyOwnerOnly')
              : t('golive.destinations.form.keyEncrypted')}
          </p>
        )}
      </div>
      <div className="field field--checkbox">
        <label>
          <input type="checkbox" checked={isTest} onChange={(e) => setIsTest(e.target.checked)} />{' '}
          {t('golive.destinations.form.isTest')}
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          {busy ? t('golive.destinations.form.saving') : t('golive.destinations.form.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('golive.destinations.form.cancel')}
        </button>
      </div>
    </form>
  );
}
