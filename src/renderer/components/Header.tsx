import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Shown on the main screen only. */
  onOpenSettings?: () => void;
  settingsButtonRef?: Ref<HTMLButtonElement>;
}

export function Header({ onOpenSettings, settingsButtonRef }: Props) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <h1 className="app-header__title">{t('app.title')}</h1>
      {onOpenSettings && (
        <button
          ref={settingsButtonRef}
          type="button"
          className="button button--secondary"
          aria-keyshortcuts="Control+,"
          onClick={onOpenSettings}
        >
          <span aria-hidden="true" className="button__icon">
            ⚙
          </span>
          {t('header.settings')}
        </button>
      )}
    </header>
  );
}
