import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { connectGoLiveStore, useGoLiveStore } from '../../stores/golive-store';
import { connectPresetsStore } from '../../stores/presets-store';
import { connectLiveStore } from '../../stores/live-store';
import { useObsStore } from '../../stores/obs-store';
import { useMeterLease } from '../../hooks/use-meter-lease';
import { ChecklistPanel } from './ChecklistPanel';
import { DestinationsPanel } from './DestinationsPanel';
import { GoLivePanel } from './GoLivePanel';
import './golive.css';

/** The "Sänd" / "Go live" view: go-live state on top, destinations and checklist below. */
export function GoLiveView({ onBack, onOpenLog }: { onBack: () => void; onOpenLog?: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  // While a broadcast starts, runs or ends, the preparation is locked.
  const locked = useGoLiveStore(
    (s) => s.golive.phase === 'starting' || s.golive.phase === 'live' || s.golive.phase === 'ending',
  );

  useEffect(() => connectGoLiveStore(api), [api]);
  // The checklist's program list, and the mic's level next to its check.
  useEffect(() => connectPresetsStore(api), [api]);
  useEffect(() => connectLiveStore(api), [api]);
  useMeterLease(
    api,
    useObsStore((s) => s.state.connection.status === 'connected'),
  );

  return (
    <main className="golive" aria-labelledby="golive-heading">
      <div className="golive__top">
        <h2 id="golive-heading">{t('golive.heading')}</h2>
        <button type="button" className="button button--secondary" onClick={onBack}>
          {t('settings.back')}
        </button>
      </div>
      <GoLivePanel {...(onOpenLog ? { onOpenLog } : {})} />
      <div className="golive__columns">
        <DestinationsPanel locked={locked} />
        <ChecklistPanel locked={locked} />
      </div>
    </main>
  );
}
