import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/broadcast-log/log-format';
import { healthAlerts } from '../../../shared/live/health-alerts';
import { useNow } from '../../hooks/use-now';
import { useGoLiveStore } from '../../stores/golive-store';
import { useLiveStore } from '../../stores/live-store';
import { useObsStore } from '../../stores/obs-store';
import { formatElapsed } from '../golive/format-elapsed';

/** Elapsed time, bitrate, frames, congestion, recording, and alerts while live. */
export function HealthPanel() {
  const { t, i18n } = useTranslation();
  // Numbers as the UI's language writes them: "0,5 %" and "5 338" in Swedish.
  const n = (value: number, digits = 1) => formatNumber(value, i18n.language, digits);
  const health = useLiveStore((s) => s.health);
  const connection = useObsStore((s) => s.state.connection);
  const stream = useObsStore((s) => s.state.stream);
  const recording = useObsStore((s) => s.state.record.active);
  // The mirror empties when the link drops: remember that OBS was live to say it may still be.
  const wasLive = useRef(false);
  if (connection.status === 'connected') wasLive.current = stream.active;
  const live = stream.active && connection.status === 'connected';
  const now = useNow(live, 1_000);
  // The last broadcast's figures stay up with its after-broadcast list, and go with it: the next
  // broadcast starts from a clean panel, never from the figures of the one before.
  const ended = useGoLiveStore((s) => s.golive.phase === 'ended');
  const showFigures = health !== null && (live ? health.active : health.active === false && ended);
  const alerts = healthAlerts(health, { connection, stream }, wasLive.current);
  const elapsed = health && live ? health.durationMs + (now - health.at) : null;

  return (
    <section className="live-health" aria-labelledby="live-health-heading" data-testid="live-health">
      <h2 id="live-health-heading">{t('live.health.heading')}</h2>
      {alerts.length > 0 && (
        <div role="alert">
          <ul className="live-health__alerts">
            {alerts.map((a) => (
              <li key={a} data-alert={a}>
                {t(`live.health.alert.${a}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {health && showFigures ? (
        <dl className="live-health__facts">
          <div>
            <dt>{t('live.health.elapsed')}</dt>
            <dd data-testid="health-elapsed">{formatElapsed(elapsed ?? health.durationMs)}</dd>
          </div>
          <div>
            <dt>{t('live.health.bitrate')}</dt>
            <dd data-testid="health-bitrate">{t('live.health.kbps', { value: n(health.kbps, 0) })}</dd>
          </div>
          <div>
            <dt>{t('live.health.dropped')}</dt>
            <dd data-testid="health-dropped">{n(health.droppedPct)} %</dd>
          </div>
          <div>
            <dt>{t('live.health.skipped')}</dt>
            <dd>{n(health.skippedPct)} %</dd>
          </div>
          <div>
            <dt>{t('live.health.congestion')}</dt>
            <dd>{Math.round(health.congestion * 100)} %</dd>
          </div>
          <div>
            <dt>{t('live.health.recording')}</dt>
            <dd>{recording ? t('live.health.recordingOn') : t('live.health.recordingOff')}</dd>
          </div>
        </dl>
      ) : (
        <p>{t('live.health.offline')}</p>
      )}
    </section>
  );
}
