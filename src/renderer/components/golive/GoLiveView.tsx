import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { connectGoLiveStore, useGoLiveStore } from '../../stores/golive-store';
import { connectPresetsStore } from '../../stores/presets-store';
import { ChecklistPanel } from './ChecklistPanel';
import { DestinationsPanel } from './DestinationsPanel';
import { GoLivePanel } from './GoLivePanel';
import './golive.css';

/** The "Sänd" / "Go live" view: go-live state on top, destinations and checklist below. */
export function GoLiveView({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  // While a broadcast starts, runs or ends, the preparation is locked.
  const locked = useGoLiveStore((s) => s.golive.phase === 'starting' || s.golive.phase === 'live' || s.golive.phase === 'ending');

  useEffect(() => connectGoLiveStore(api), [api]);
  // The checklist's program list.
  useEffect(() => connectPresetsStore(api), [api]);

  return (
    <main className="golive" aria-labelledby="golive-heading">
      <div className="golive__top">
        <h2 id="golive-heading">{t('golive.heading')}</h2>
        <button type="button" className="button button--secondary" onClick={onBack}>
          {t('settings.back')}
        </button>
      </div>
      <GoLivePanel />
      <div className="golive__columns">
        <DestinationsPanel locked={locked} />
        <ChecklistPanel locked={locked} />
      </div>
    </main>
  );
}
