import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveKeyAction } from '../../../shared/live/live-keys';
import { useApi } from '../../api/api-context';
import { useLiveShortcuts } from '../../hooks/use-live-shortcuts';
import { useMeterLease } from '../../hooks/use-meter-lease';
import { connectGoLiveStore } from '../../stores/golive-store';
import { connectLiveStore, runLive, selectScene, useLiveStore } from '../../stores/live-store';
import { useObsStore } from '../../stores/obs-store';
import { connectPresetsStore } from '../../stores/presets-store';
import { ErrorMessage } from '../ErrorMessage';
import { HealthPanel } from './HealthPanel';
import { KeyHints } from './KeyHints';
import { LiveScenes } from './LiveScenes';
import { LiveTexts } from './LiveTexts';
import { MicPanel } from './MicPanel';
import { PrivacyControl } from './PrivacyControl';
import { StopStreamButton } from './StopStreamButton';
import { StudioBar } from './StudioBar';
import { splitScenes } from './live-scenes';
import './live.css';

/** The screen staff watch while on air: scenes, studio mode, sound, privacy, health. */
export function LiveView() {
  const { t } = useTranslation();
  const api = useApi();
  const connected = useObsStore((s) => s.state.connection.status === 'connected');
  const scenes = useObsStore((s) => s.state.scenes);
  const layout = useLiveStore((s) => s.state.layout);
  const error = useLiveStore((s) => s.error);
  const privacyActive = useLiveStore((s) => s.state.privacy.active);
  const { main, other } = splitScenes(layout, scenes);

  useEffect(() => connectLiveStore(api), [api]);
  useEffect(() => connectGoLiveStore(api), [api]);
  useEffect(() => connectPresetsStore(api), [api]);
  useMeterLease(api, connected);

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
  return (
    <div className="live" data-testid="live-view">
      {error && <ErrorMessage error={error} />}
      <div className="live__top">
        <PrivacyControl />
        <StopStreamButton />
      </div>
      <div className="live__columns">
        <div className="live__main">
          <StudioBar />
          <LiveScenes main={main} other={other} />
        </div>
        <div className="live__side">
          <MicPanel />
          <HealthPanel />
          {layout && <LiveTexts presetId={layout.presetId} />}
          <KeyHints />
        </div>
      </div>
    </div>
  );
}
