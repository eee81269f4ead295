import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Shown on the main screen only. */
  onOpenSettings?: () => void;
  settingsButtonRef?: Ref<HTMLButtonElement>;
  /** The broadcast log; shown on the main screen only. */
  onOpenLog?: () => void;
  logButtonRef?: Ref<HTMLButtonElement>;
  /** The go-live view (destinations, checklist, going live); shown on the main screen only. */
  onOpenGoLive?: () => void;
  goLiveButtonRef?: Ref<HTMLButtonElement>;
  /** The Programs view (scene presets); shown on the main screen only. */
  onOpenPrograms?: () => void;
  programsButtonRef?: Ref<HTMLButtonElement>;
}

export function Header({
  onOpenSettings,
  settingsButtonRef,
  onOpenLog,
  logButtonRef,
  onOpenGoLive,
  goLiveButtonRef,
  onOpenPrograms,
  programsButtonRef,
}: Props) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <h1 className="app-header__title">{t('app.title')}</h1>
      {onOpenGoLive && (
        <button
          ref={goLiveButtonRef}
          type="button"
          className="button button--secondary app-header__golive"
          onClick={onOpenGoLive}
          data-testid="open-golive"
        >
          <span aria-hidden="true" className="app-header__golive-dot" />
          {t('golive.nav')}
        </button>
      )}
      {onOpenPrograms && (
        <button
          ref={programsButtonRef}
          type="button"
          className="button button--secondary"
          onClick={onOpenPrograms}
          data-testid="open-programs"
        >
          {t('header.programs')}
        </button>
      )}
      {onOpenLog && (
        <button
          ref={logButtonRef}
          type="button"
          className="button button--secondary"
          onClick={onOpenLog}
          data-testid="open-log"
        >
          {t('log.open')}
        </button>
      )}
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
