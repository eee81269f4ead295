import { useTranslation } from 'react-i18next';
import type { HealthSample } from '../../../shared/broadcast-log/entry-schema';
import { formatNumber, formatTime } from './format';

const WIDTH = 800;
const HEIGHT = 200;
const PAD = { left: 50, right: 10, top: 10, bottom: 24 };

/** Bitrate over time as an SVG line, with the axis maximum and the start and end times. */
export function BitrateChart({ samples }: { samples: HealthSample[] }) {
  const { t, i18n } = useTranslation();
  if (samples.length === 0) return <p>{t('log.detail.bitrateEmpty')}</p>;
  // Thousands of samples would only draw over each other: thin to about one per pixel.
  const step = Math.max(1, Math.floor(samples.length / (WIDTH - PAD.left - PAD.right)));
  const points = samples.filter((_, i) => i % step === 0);
  const t0 = Date.parse(points[0]!.at);
  const t1 = Math.max(t0 + 1, Date.parse(points.at(-1)!.at));
  const max = Math.max(100, ...points.map((p) => p.kbps));
  const x = (ms: number) => PAD.left + ((ms - t0) / (t1 - t0)) * (WIDTH - PAD.left - PAD.right);
  const y = (kbps: number) => PAD.top + (1 - kbps / max) * (HEIGHT - PAD.top - PAD.bottom);
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(Date.parse(p.at)).toFixed(1)},${y(p.kbps).toFixed(1)}`)
    .join(' ');
  return (
    <figure className="log-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('log.detail.bitrate')}
        data-testid="bitrate-chart"
      >
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={HEIGHT - PAD.bottom} stroke="currentColor" />
        <line
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={HEIGHT - PAD.bottom}
          y2={HEIGHT - PAD.bottom}
          stroke="currentColor"
        />
        <text x={PAD.left - 4} y={PAD.top + 10} fontSize={11} textAnchor="end" fill="currentColor">
          {formatNumber(max, i18n.language, 0)}
        </text>
        <text x={PAD.left - 4} y={HEIGHT - PAD.bottom} fontSize={11} textAnchor="end" fill="currentColor">
          0
        </text>
        <text x={PAD.left} y={HEIGHT - 6} fontSize={11} fill="currentColor">
          {formatTime(t0, i18n.language)}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 6} fontSize={11} textAnchor="end" fill="currentColor">
          {formatTime(t1, i18n.language)}
        </text>
        <path d={path} fill="none" stroke="#1d4e89" strokeWidth={2} />
        {points
          .filter((p) => p.reconnecting)
          .map((p) => (
            <circle key={p.at} cx={x(Date.parse(p.at))} cy={y(p.kbps)} r={3} fill="#b3001b" />
          ))}
      </svg>
    </figure>
  );
}
