import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { connectGoLiveStore, useGoLiveStore } from '../../stores/golive-store';
import { connectPresetsStore } from '../../stores/presets-store';
import { connectLiveStore } from '../../stores/live-store';
import { useObsStore } from '../../stores/obs-store';
import { useCoreLease } from '../../hooks/use-core-lease';
import { LiveView } from '../live/LiveView';
import { ChecklistPanel } from './ChecklistPanel';
import { DestinationsPanel } from './DestinationsPanel';
import { GoLivePanel } from './GoLivePanel';
import './golive.css';

/**
 * The "Sänd" / "Go live" view. Before: the go-live state on top, destinations and checklist below.
 * From the confirmed Go live until the after-broadcast list is done, the same screen is the live
 * screen: the go-live state (elapsed time, End, then what is left to do) above the live view's
 * picture, scenes, mics and health, so nothing needs another screen while on air.
 */
export function GoLiveView({
  onBack,
  onOpenLog,
  onOpenLogEntry,
}: {
  onBack: () => void;
  onOpenLog?: () => void;
  /** Opens the log on this broadcast's entry (after the broadcast). */
  onOpenLogEntry?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const phase = useGoLiveStore((s) => s.golive.phase);
  // While a broadcast starts, runs or ends, the preparation is locked.
  const locked = phase === 'starting' || phase === 'live' || phase === 'ending';
  const onAirScreen = locked || phase === 'ended';
  const connected = useObsStore((s) => s.state.connection.status === 'connected');

  useEffect(() => connectGoLiveStore(api), [api]);
  // The checklist's program list, and the mic's level next to its check.
  useEffect(() => connectPresetsStore(api), [api]);
  useEffect(() => connectLiveStore(api), [api]);
  useCoreLease(api, 'watchMeters', connected && !onAirScreen);

  const panel = <GoLivePanel {...(onOpenLog ? { onOpenLog } : {})} {...(onOpenLogEntry ? { onOpenLogEntry } : {})} />;
  return (
    <main className={`golive${onAirScreen ? ' golive--on-air' : ''}`} aria-labelledby="golive-heading">
      <div className="golive__top">
        <h2 id="golive-heading">{t('golive.heading')}</h2>
        <button type="button" className="button button--secondary" onClick={onBack}>
          {t('settings.back')}
        </button>
      </div>
      {onAirScreen && connected ? (
        <LiveView banner={panel} />
      ) : (
        <>
          {panel}
          {!onAirScreen && (
            <div className="golive__columns">
              <DestinationsPanel locked={locked} />
              <ChecklistPanel locked={locked} />
            </div>
          )}
        </>
      )}
    </main>
  );
}
