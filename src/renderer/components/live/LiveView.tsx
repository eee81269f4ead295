import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveKeyAction } from '../../../shared/live/live-keys';
import { useApi } from '../../api/api-context';
import { useLiveShortcuts } from '../../hooks/use-live-shortcuts';
import { useMediaQuery } from '../../hooks/use-media-query';
import { useCoreLease } from '../../hooks/use-core-lease';
import { connectGoLiveStore, useGoLiveStore } from '../../stores/golive-store';
import { connectLiveStore, runLive, selectScene, useLiveStore } from '../../stores/live-store';
import { useObsStore } from '../../stores/obs-store';
import { connectPresetsStore } from '../../stores/presets-store';
import { ErrorMessage } from '../ErrorMessage';
import { HealthPanel } from './HealthPanel';
import { KeyHints } from './KeyHints';
import { LiveScenes } from './LiveScenes';
import { LiveTexts } from './LiveTexts';
import { MicPanel } from './MicPanel';
import { RemoteLink } from '../remote/RemoteLink';
import { PrivacyControl } from './PrivacyControl';
import { ProgramMonitor } from './ProgramMonitor';
import { StopStreamButton } from './StopStreamButton';
import { StudioBar } from './StudioBar';
import { splitScenes } from './live-scenes';
import './live.css';

/** Two columns from here on (the same width as in live.css). */
const WIDE = '(min-width: 60rem)';

/**
 * The screen staff watch while on air: what is on air, scenes, studio mode, sound, privacy,
 * health. The main screen shows it, and so does Sänd once a broadcast starts: there `banner` is
 * the go-live state (elapsed time, End, then the after-broadcast list) and replaces the stop button.
 * `onOpenRemote`: a link to the phone remote's settings, for staff who look for it while on air.
 */
export function LiveView({ banner, onOpenRemote }: { banner?: ReactNode; onOpenRemote?: () => void } = {}) {
  const { t } = useTranslation();
  const api = useApi();
  const connected = useObsStore((s) => s.state.connection.status === 'connected');
  const scenes = useObsStore((s) => s.state.scenes);
  const layout = useLiveStore((s) => s.state.layout);
  const error = useLiveStore((s) => s.error);
  const privacyActive = useLiveStore((s) => s.state.privacy.active);
  const { main, other } = splitScenes(layout, scenes);
  // The program monitor while something goes out (or is about to): its pictures cost OBS work.
  const onAir = useObsStore((s) => s.state.stream.active || s.state.record.active);
  const wide = useMediaQuery(WIDE);
  const broadcasting = useGoLiveStore((s) => ['starting', 'live', 'ending'].includes(s.golive.phase));

  useEffect(() => connectLiveStore(api), [api]);
  useEffect(() => connectGoLiveStore(api), [api]);
  useEffect(() => connectPresetsStore(api), [api]);
  useCoreLease(api, 'watchMeters', connected);

  useLiveShortcuts(
    (action: LiveKeyAction) => {
      if (action.type === 'scene') {
        const scene = main[action.index];
        if (scene) void selectScene(api, scene.obsName);
      } else if (action.type === 'take') {
        const obs = useObsStore.getState().state;
        if (obs.studioMode && obs.previewScene !== obs.programScene) void runLive(() => api.live.take());
      } else if (action.type === 'mute') {
        void runLive(() => api.live.toggleMainMic());
      } else {
        void runLive(() => (privacyActive ? api.live.privacyRestore() : api.live.privacyCut()));
      }
    },
    connected,
    (button) => {
      const obs = useObsStore.getState().state;
      const scene = button.closest('li[data-scene]')?.getAttribute('data-scene');
      return obs.studioMode && scene != null && scene === obs.previewScene;
    },
  );

  if (!connected) return <p className="scenes__empty">{t('scenes.notConnected')}</p>;
  const monitor = (onAir || broadcasting) && <ProgramMonitor />;
  const studio = <StudioBar />;
  const scenesPart = <LiveScenes main={main} other={other} />;
  const mics = <MicPanel />;
  const rest = (
    <>
      <HealthPanel />
      {layout && <LiveTexts presetId={layout.presetId} />}
      <KeyHints />
      {onOpenRemote && <RemoteLink onOpen={onOpenRemote} />}
    </>
  );
  return (
    <div className="live" data-testid="live-view">
      {banner}
      {error && <ErrorMessage error={error} />}
      <div className="live__top">
        <PrivacyControl />
        {!banner && <StopStreamButton />}
      </div>
      {wide ? (
        <div className="live__columns">
          <div className="live__main">
            {monitor ? (
              // The studio controls beside the picture, so the scenes stay high on a laptop's screen.
              <div className="live__lead">
                {monitor}
                {studio}
              </div>
            ) : (
              studio
            )}
            {scenesPart}
          </div>
          <div className="live__side">
            {mics}
            {rest}
          </div>
        </div>
      ) : (
        // One column on a phone: the mics right after the picture, before the long list of scenes
        // (in the page's order too, so the keyboard goes the way the eye does).
        <div className="live__columns">
          {monitor}
          {mics}
          {studio}
          {scenesPart}
          {rest}
        </div>
      )}
    </div>
  );
}
