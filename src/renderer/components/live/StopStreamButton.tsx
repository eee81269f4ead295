import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { runLive } from '../../stores/live-store';
import { useGoLiveStore } from '../../stores/golive-store';

const CONFIRM_SECONDS = 4;

/**
 * Ending needs a second press within a few seconds: a stray click or tap never ends a
 * broadcast. The end itself is the go-live flow's (closing scene, stop, the log).
 */
export function StopStreamButton() {
  const { t } = useTranslation();
  const api = useApi();
  const phase = useGoLiveStore((s) => s.golive.phase);
  const [armedAt, setArmedAt] = useState<number | null>(null);
  useEffect(() => {
    if (armedAt === null) return;
    const timer = setTimeout(() => setArmedAt(null), CONFIRM_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [armedAt]);
  if (phase === 'ending')
    return (
      <p className="live-stop" role="status">
        {t('live.stop.ending')}
      </p>
    );
  if (phase !== 'live') return null;
  const armed = armedAt !== null;
  return (
    <div className="live-stop">
      <button
        type="button"
        className={`button button--danger${armed ? ' live-stop--armed' : ''}`}
        data-testid="stop-stream"
        onClick={() => {
          if (!armed) return setArmedAt(Date.now());
          setArmedAt(null);
          void runLive(() => api.golive.end({}));
        }}
      >
        {armed ? t('live.stop.confirm', { seconds: CONFIRM_SECONDS }) : t('live.stop.button')}
      </button>
    </div>
  );
}
