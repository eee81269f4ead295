import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useCoreLease } from '../../hooks/use-core-lease';
import { useWakeLock } from '../../hooks/use-wake-lock';
import { fetchSession, type PhoneDevice } from '../../remote/boot-mode';
import { useAppStore } from '../../stores/app-store';
import { connectGoLivePhase, useGoLiveStore } from '../../stores/golive-store';
import type { HostLink } from '../../stores/host-link';
import { connectLiveStore, runLive, useLiveStore } from '../../stores/live-store';
import { connectPresetsStore } from '../../stores/presets-store';
import { useObsStore } from '../../stores/obs-store';
import { connectDeviceStore, useRemoteStore } from '../../stores/remote-store';
import { ErrorMessage } from '../ErrorMessage';
import { LiveScenes } from '../live/LiveScenes';
import { LiveTexts } from '../live/LiveTexts';
import { MicPanel } from '../live/MicPanel';
import { PrivacyControl } from '../live/PrivacyControl';
import { ProgramMonitor } from '../live/ProgramMonitor';
import { StopStreamButton } from '../live/StopStreamButton';
import { splitScenes } from '../live/live-scenes';
import '../live/live.css';

/** While the link is down, how often the page asks whether this device is still paired. */
const PROBE_MS = 3_000;

interface Props {
  computerName: string;
  /** As the host said at start; the device store follows role changes after that. */
  device: PhoneDevice;
  link: HostLink | null;
  /** The host answered that this device is no longer paired (revoked, expired). */
  onAccessEnded: (computerName: string) => void;
}

/**
 * A paired phone or tablet, on air: the live marker, the program picture, big scene buttons, Take
 * in studio mode, the mics, privacy, and for a host End. Nothing else of the app (no settings,
 * programs, log or destinations): the core refuses those to a device anyway.
 */
export function PhonePage({ computerName, device, link, onAccessEnded }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const me = useRemoteStore((s) => s.me);
  const role = me?.device?.role ?? device.role;
  const name = me?.device?.name ?? device.name;
  const computer = me?.computerName ?? computerName;
  const hostLink = useAppStore((s) => s.host);
  const [unreachable, setUnreachable] = useState(false);
  const connected = useObsStore((s) => s.state.connection.status === 'connected');
  const scenes = useObsStore((s) => s.state.scenes);
  const onAir = useObsStore((s) => s.state.stream.active);
  const outputActive = useObsStore((s) => s.state.stream.active || s.state.record.active);
  const studioMode = useObsStore((s) => s.state.studioMode);
  const canTake = useObsStore(
    (s) => s.state.studioMode && s.state.previewScene !== null && s.state.previewScene !== s.state.programScene,
  );
  const layout = useLiveStore((s) => s.state.layout);
  const error = useLiveStore((s) => s.error);
  const broadcasting = useGoLiveStore((s) => ['starting', 'live', 'ending'].includes(s.golive.phase));
  const { main, other } = splitScenes(layout, scenes);
  const linkUp = hostLink === 'connected';

  useEffect(() => connectDeviceStore(api, { link }), [api, link]);
  useEffect(() => connectLiveStore(api, { link }), [api, link]);
  useEffect(() => connectGoLivePhase(api, { link }), [api, link]);
  // The program's texts (reader, book), which a phone may change while live.
  useEffect(() => connectPresetsStore(api, { link }), [api, link]);
  useCoreLease(api, 'watchMeters', connected && linkUp);
  useWakeLock(onAir || broadcasting);

  // The link is down: the socket retries by itself; meanwhile ask whether this device is still
  // paired (401: revoked or expired, so pairing again is the only way on) or nothing answers.
  useEffect(() => {
    if (linkUp) {
      setUnreachable(false);
      return;
    }
    let stopped = false;
    const probe = async () => {
      const answer = await fetchSession();
      if (stopped) return;
      if (answer?.status === 401) return onAccessEnded(computer);
      setUnreachable(answer === null);
    };
    const timer = setInterval(() => void probe(), PROBE_MS);
    void probe();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [linkUp, computer, onAccessEnded]);

  let linkText: string;
  if (linkUp) linkText = t('remote.phone.linkUp');
  else if (unreachable) linkText = t('remote.phone.unreachable');
  else linkText = t('remote.phone.linkDown');

  return (
    <div className="remote-page phone" data-testid="phone-page" data-role={role}>
      <header className="remote-page__header phone__header">
        <div className="phone__title">
          <h1 className="phone__heading">{t('remote.phone.heading', { computer })}</h1>
        </div>
        <p
          className={`phone__onair${linkUp && onAir ? ' phone__onair--live' : ''}${linkUp ? '' : ' phone__onair--unknown'}`}
          data-testid="phone-onair"
          data-live={linkUp ? onAir : 'unknown'}
        >
          {linkUp ? (onAir ? t('remote.phone.onAir') : t('remote.phone.offAir')) : t('remote.phone.unknown')}
        </p>
      </header>
      <main className="remote-page__body phone__body">
        <p
          className={`phone__link${linkUp ? '' : ' phone__link--down'}`}
          role="status"
          data-testid="phone-link"
          data-link={linkUp ? 'up' : unreachable ? 'unreachable' : 'down'}
        >
          <span className="phone__link-dot" aria-hidden="true" />
          {linkText}
        </p>
        <p className="phone__you">
          {t('remote.phone.you', { role: t(`remote.phone.roleNames.${role}`), name })}{' '}
          {role === 'host' ? t('remote.phone.hostNote') : t('remote.phone.operatorNote')}
        </p>
        {!connected ? (
          linkUp && <p className="scenes__empty">{t('remote.phone.obsNotConnected')}</p>
        ) : (
          // Without the link, what is shown may be old and a press would wait to be sent: the
          // controls are dimmed and out of reach until the link is back.
          <div
            className={`live phone__live${linkUp ? '' : ' phone__live--stale'}`}
            data-testid="live-view"
            inert={!linkUp}
          >
            {error && <ErrorMessage error={error} />}
            <div className="live__top">
              <PrivacyControl />
              {role === 'host' && <StopStreamButton />}
            </div>
            {(outputActive || broadcasting) && <ProgramMonitor />}
            {/* A remote is for switching: the scenes come right after the picture, then the mics. */}
            {studioMode && (
              <button
                type="button"
                className="button button--primary live-take phone__take"
                data-testid="take"
                aria-disabled={!canTake}
                onClick={() => canTake && void runLive(() => api.live.take())}
              >
                {t('remote.phone.take')}
              </button>
            )}
            <LiveScenes main={main} other={other} />
            <MicPanel />
            {layout && <LiveTexts presetId={layout.presetId} textsOnly />}
          </div>
        )}
      </main>
    </div>
  );
}
