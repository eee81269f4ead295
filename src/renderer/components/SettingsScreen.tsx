import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicSettings } from '../../shared/settings';
import { useAppStore } from '../stores/app-store';
import { ConnectionForm } from './ConnectionForm';
import { ConnectionProblem } from './ConnectionProblem';
import { ConnectionStatusLine } from './ConnectionStatusLine';
import { LanguageSwitch } from './LanguageSwitch';
import { LogFolderButton } from './LogFolderButton';
import { RemotePanel } from './remote/RemotePanel';
import { ScreenHeading } from './ScreenHeading';

interface Props {
  settings: PublicSettings;
  onBack: () => void;
  /** Opened from the live screen's "Telefon som fjärrkontroll": that section is shown first. */
  focusRemote?: boolean;
}

/** Connection, the phone remote and language. Escape or "Back" returns to the main screen. */
export function SettingsScreen({ settings, onBack, focusRemote = false }: Props) {
  const { t } = useTranslation();
  const info = useAppStore((s) => s.info);
  const remoteHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!focusRemote) return;
    remoteHeading.current?.scrollIntoView({ block: 'start' });
    remoteHeading.current?.focus();
  }, [focusRemote]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack]);

  return (
    <main className="screen screen--narrow" data-testid="settings">
      <div className="screen__top">
        <ScreenHeading focusOnMount={!focusRemote}>{t('settings.heading')}</ScreenHeading>
        <button type="button" className="button button--secondary" onClick={onBack}>
          <span aria-hidden="true" className="button__icon">
            ←
          </span>
          {t('settings.back')}
        </button>
      </div>
      <section className="panel" aria-labelledby="settings-connection">
        <h3 id="settings-connection">{t('connection.formHeading')}</h3>
        <ConnectionForm settings={settings} />
        <ConnectionStatusLine />
        <ConnectionProblem besideForm />
        {info && (
          <p className="note" data-testid="secret-protection">
            {info.secretProtection === 'owner-only-file'
              ? t('settings.secretOwnerOnly')
              : t('settings.secretEncrypted')}
          </p>
        )}
      </section>
      <RemotePanel headingRef={remoteHeading} />
      <section className="panel">
        <LanguageSwitch />
      </section>
      <section className="panel">
        <LogFolderButton />
      </section>
      {info && <p className="app-version">{t('settings.version', { version: info.version })}</p>}
    </main>
  );
}
