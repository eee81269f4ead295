import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FirstRunScreen } from './components/FirstRunScreen';
import { Header } from './components/Header';
import { LoadingScreen } from './components/LoadingScreen';
import { GoLiveView } from './components/golive/GoLiveView';
import { LogScreen } from './components/log/LogScreen';
import { MainScreen } from './components/MainScreen';
import { NoticeBanner } from './components/NoticeBanner';
import { ProgramsScreen } from './components/presets/ProgramsScreen';
import { SettingsScreen } from './components/SettingsScreen';
import { StatusBar } from './components/StatusBar';
import { useApi } from './api/api-context';
import { useAction } from './hooks/use-action';
import { usePrivacyKey } from './hooks/use-live-shortcuts';
import { useSetupGate } from './hooks/use-setup-gate';
import { useGoLiveStore } from './stores/golive-store';
import { useLiveStore } from './stores/live-store';
import { useObsStore } from './stores/obs-store';
import { useSettingsStore } from './stores/settings-store';

type View = 'main' | 'settings' | 'log' | 'golive' | 'programs';

export function App({ onRetryLoad }: { onRetryLoad: () => void }) {
  const { t } = useTranslation();
  const settings = useSettingsStore((s) => s.settings);
  const { showSetup, leaveSetup } = useSetupGate();
  const [view, setView] = useState<View>('main');
  const settingsButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const logButton = useRef<HTMLButtonElement>(null);
  const goLiveButton = useRef<HTMLButtonElement>(null);
  const goLiveReturnFocus = useRef(false);
  const openGoLive = useCallback(() => setView('golive'), []);
  const closeGoLive = useCallback(() => {
    goLiveReturnFocus.current = true;
    setView('main');
  }, []);
  const logReturnFocus = useRef(false);
  // From the after-broadcast list, the log opens on its to-do tab.
  const [logTab, setLogTab] = useState<'list' | 'todo'>('list');
  // From the after-broadcast list the log opens on this broadcast's entry, and goes back there.
  const [logEntry, setLogEntry] = useState<string | null>(null);
  const [logFrom, setLogFrom] = useState<'main' | 'golive'>('main');
  const openLog = useCallback(() => {
    setLogTab('list');
    setLogEntry(null);
    setLogFrom('main');
    setView('log');
  }, []);
  const openLogTodo = useCallback(() => {
    setLogTab('todo');
    setLogEntry(null);
    setLogFrom('golive');
    setView('log');
  }, []);
  const openLogEntry = useCallback((id: string) => {
    setLogTab('list');
    setLogEntry(id);
    setLogFrom('golive');
    setView('log');
  }, []);
  const closeLog = useCallback(() => {
    if (logFrom === 'golive') return setView('golive');
    logReturnFocus.current = true;
    setView('main');
  }, [logFrom]);

  const programsButton = useRef<HTMLButtonElement>(null);
  const programsReturnFocus = useRef(false);
  const openPrograms = useCallback(() => setView('programs'), []);
  const closePrograms = useCallback(() => {
    programsReturnFocus.current = true;
    setView('main');
  }, []);

  const [settingsAtRemote, setSettingsAtRemote] = useState(false);
  const openSettings = useCallback(() => {
    setSettingsAtRemote(false);
    setView('settings');
  }, []);
  const openRemote = useCallback(() => {
    setSettingsAtRemote(true);
    setView('settings');
  }, []);
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
    if (view === 'main' && goLiveReturnFocus.current) {
      goLiveReturnFocus.current = false;
      goLiveButton.current?.focus();
    }
    if (view === 'main' && programsReturnFocus.current) {
      programsReturnFocus.current = false;
      programsButton.current?.focus();
    }
    if (view === 'main' && logReturnFocus.current) {
      logReturnFocus.current = false;
      logButton.current?.focus();
    }
  }, [view]);

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  const onMain = settings !== null && !showSetup && view === 'main';
  // P works on every screen: the live view (main, and Sänd while on air) has all the live keys;
  // elsewhere P alone. A failure shows in the live view, as the live view's own do.
  const api = useApi();
  const connected = useObsStore((s) => s.state.connection.status === 'connected');
  const sandOnAir = useGoLiveStore((s) => s.golive.phase !== 'idle' && s.golive.phase !== 'failed');
  const liveViewShown = view === 'main' || (view === 'golive' && sandOnAir);
  // A P that failed on a screen without the live view is said in the status bar there.
  const keyAction = useAction();
  usePrivacyKey(api, settings !== null && !showSetup && connected && !liveViewShown, (result) => {
    useLiveStore.setState({ error: result.ok ? null : result.error });
    if (result.ok) keyAction.clear();
    else keyAction.fail(result.error);
  });
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
  else if (view === 'settings')
    screen = <SettingsScreen settings={settings} onBack={closeSettings} focusRemote={settingsAtRemote} />;
  else if (view === 'log')
    screen = <LogScreen onBack={closeLog} initialTab={logTab} {...(logEntry ? { initialOpenId: logEntry } : {})} />;
  else if (view === 'golive')
    screen = <GoLiveView onBack={closeGoLive} onOpenLog={openLogTodo} onOpenLogEntry={openLogEntry} />;
  else if (view === 'programs') screen = <ProgramsScreen onBack={closePrograms} onOpenChecklist={openGoLive} />;
  else screen = <MainScreen onEditConnection={openSettings} onOpenRemote={openRemote} />;

  return (
    <div className="app">
      <Header
        onOpenSettings={onMain ? openSettings : undefined}
        settingsButtonRef={settingsButton}
        onOpenLog={onMain ? openLog : undefined}
        logButtonRef={logButton}
        onOpenGoLive={onMain ? openGoLive : undefined}
        goLiveButtonRef={goLiveButton}
        onOpenPrograms={onMain ? openPrograms : undefined}
        programsButtonRef={programsButton}
      />
      <div className="app__body">
        <NoticeBanner />
        {screen}
      </div>
      <StatusBar keyError={liveViewShown ? null : keyAction.error} />
    </div>
  );
}
