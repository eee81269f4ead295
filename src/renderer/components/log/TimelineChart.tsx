import { useTranslation } from 'react-i18next';
import type { SceneSwitch } from '../../../shared/broadcast-log/entry-schema';
import { formatTime } from './format';

const WIDTH = 800;
const ROW = 22;
const PALETTE = ['#1d4e89', '#0f6b2f', '#8a5300', '#6a2c91', '#b3001b', '#00607a', '#5a5a00'];

/**
 * The scene timeline on a time axis: one lane per scene, a bar for each stretch on air.
 * A list under the chart says the same in words, for screen readers and for reading times.
 */
export function TimelineChart({
  timeline,
  startMs,
  endMs,
}: {
  timeline: SceneSwitch[];
  startMs: number;
  endMs: number;
}) {
  const { t, i18n } = useTranslation();
  // A paired phone's switch names the phone; the rest say which program switched.
  const source = (s: SceneSwitch): string =>
    s.device !== undefined ? t('log.detail.byDevice', { device: s.device }) : t(`log.detail.sources.${s.source}`);
  if (timeline.length === 0) return <p>{t('log.detail.timelineEmpty')}</p>;
  const scenes = [...new Set(timeline.map((s) => s.scene))];
  const span = Math.max(1, endMs - startMs);
  const x = (ms: number) => 120 + ((ms - startMs) / span) * (WIDTH - 130);
  const height = scenes.length * ROW + 24;
  return (
    <figure className="log-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={t('log.detail.timeline')}
        data-testid="timeline-chart"
      >
        {scenes.map((scene, i) => (
          <text key={scene} x={4} y={i * ROW + 15} fontSize={12} fill="currentColor">
            {scene.length > 16 ? `${scene.slice(0, 15)}…` : scene}
          </text>
        ))}
        {timeline.map((s, i) => {
          const from = Date.parse(s.at);
          const to = i + 1 < timeline.length ? Date.parse(timeline[i + 1]!.at) : endMs;
          const lane = scenes.indexOf(s.scene);
          return (
            <rect
              key={`${s.at}-${i}`}
              x={x(from)}
              y={lane * ROW + 3}
              width={Math.max(2, x(to) - x(from))}
              height={ROW - 6}
              fill={PALETTE[lane % PALETTE.length]}
            >
              <title>{`${formatTime(from, i18n.language)} ${s.scene} (${source(s)})`}</title>
            </rect>
          );
        })}
        <line x1={120} x2={WIDTH - 10} y1={height - 20} y2={height - 20} stroke="currentColor" />
        <text x={120} y={height - 4} fontSize={11} fill="currentColor">
          {formatTime(startMs, i18n.language)}
        </text>
        <text x={WIDTH - 10} y={height - 4} fontSize={11} textAnchor="end" fill="currentColor">
          {formatTime(endMs, i18n.language)}
        </text>
      </svg>
      <ol className="log-timeline-list">
        {timeline.map((s, i) => (
          <li key={`${s.at}-${i}`}>
            {formatTime(Date.parse(s.at), i18n.language)} – {s.scene} ({source(s)})
          </li>
        ))}
      </ol>
    </figure>
  );
}
