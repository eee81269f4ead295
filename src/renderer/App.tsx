import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FirstRunScreen } from './components/FirstRunScreen';
import { Header } from './components/Header';
import { LoadingScreen } from './components/LoadingScreen';
import { MainScreen } from './components/MainScreen';
import { NoticeBanner } from './components/NoticeBanner';
import { SettingsScreen } from './components/SettingsScreen';
import { StatusBar } from './components/StatusBar';
import { useSetupGate } from './hooks/use-setup-gate';
import { useSettingsStore } from './stores/settings-store';

type View = 'main' | 'settings';

export function App({ onRetryLoad }: { onRetryLoad: () => void }) {
  const { t } = useTranslation();
  const settings = useSettingsStore((s) => s.settings);
  const { showSetup, leaveSetup } = useSetupGate();
  const [view, setView] = useState<View>('main');
  const settingsButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  const openSettings = useCallback(() => setView('settings'), []);
  const closeSettings = useCallback(() => {
    returnFocus.current = true;
    setView('main');
  }, []);

  // Back from settings, the keyboard focus returns to the button that opened them.
  useEffect(() => {
    if (view === 'main' && returnFocus.current) {
      returnFocus.current = false;
      settingsButton.current?.focus();
    }
  }, [view]);

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  const onMain = settings !== null && !showSetup && view === 'main';
  // Ctrl+, (Cmd+, on a Mac) opens the settings, as in most desktop apps.
  useEffect(() => {
    if (!onMain) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === ',' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        openSettings();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onMain, openSettings]);

  let screen;
  if (settings === null) screen = <LoadingScreen onRetry={onRetryLoad} />;
  else if (showSetup) screen = <FirstRunScreen settings={settings} onContinue={leaveSetup} />;
  else if (view === 'settings') screen = <SettingsScreen settings={settings} onBack={closeSettings} />;
  else screen = <MainScreen onEditConnection={openSettings} />;

  return (
    <div className="app">
      <Header onOpenSettings={onMain ? openSettings : undefined} settingsButtonRef={settingsButton} />
      <div className="app__body">
        <NoticeBanner />
        {screen}
      </div>
      <StatusBar />
    </div>
  );
}
