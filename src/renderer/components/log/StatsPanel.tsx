import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogStats, StatsRow } from '../../../shared/broadcast-log/stats';
import { useApi } from '../../api/api-context';
import { useAction } from '../../hooks/use-action';
import { useLogStore } from '../../stores/log-store';
import { ErrorMessage } from '../ErrorMessage';
import { formatNumber } from './format';
import { programTypeName } from './log-words';

/** Broadcasts and hours per month and per program type, for the annual statistics. */
export function StatsPanel() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const revision = useLogStore((s) => s.revision);
  const [stats, setStats] = useState<LogStats | null>(null);
  const { run, error } = useAction({ overlap: true });
  // Libraries report per year: one year, or all of them.
  const [year, setYear] = useState('');
  const [years, setYears] = useState<string[]>([]);
  useEffect(() => {
    const range = year ? { from: `${year}-01-01`, to: `${year}-12-31` } : {};
    void run(() => api.log.stats(range)).then((r) => {
      if (!r?.ok) return;
      setStats(r.value);
      if (!year) setYears([...new Set(r.value.byMonth.map((m) => m.key.slice(0, 4)))].sort().reverse());
    });
  }, [api, run, revision, year]);
  if (error) return <ErrorMessage error={error} />;
  if (!stats) return <p>{t('log.list.loading')}</p>;
  if (stats.byMonth.length === 0 && !year) return <p>{t('log.stats.empty')}</p>;
  return (
    <section aria-labelledby="log-stats-heading" data-testid="log-stats">
      <h3 id="log-stats-heading">{t('log.stats.heading')}</h3>
      <p>{t('log.stats.note')}</p>
      <label className="log-stats-year" htmlFor="log-stats-year">
        {t('log.stats.year')}
      </label>{' '}
      <select id="log-stats-year" value={year} onChange={(e) => setYear(e.target.value)}>
        <option value="">{t('log.stats.allYears')}</option>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
      <p data-testid="log-stats-total">
        {t('log.stats.total', {
          count: stats.byMonth.reduce((n, m) => n + m.broadcasts, 0),
          hours: formatNumber(
            stats.byMonth.reduce((h, m) => h + m.hours, 0),
            i18n.language,
          ),
        })}
      </p>
      <BarChart title={t('log.stats.byMonth')} rows={year ? stats.byMonth : stats.byMonth.slice(-24)} />
      <BarChart
        title={t('log.stats.byType')}
        rows={stats.byProgramType.map((r) => ({
          ...r,
          key: programTypeName(r.key, i18n.language) || t('log.stats.noType'),
        }))}
      />
    </section>
  );
}

/** Paired bars (broadcasts, hours) per row, drawn as SVG, with the numbers in a table too. */
function BarChart({ title, rows }: { title: string; rows: StatsRow[] }) {
  const { t, i18n } = useTranslation();
  const hours = (h: number) => formatNumber(h, i18n.language, 2);
  const maxCount = Math.max(1, ...rows.map((r) => r.broadcasts));
  const maxHours = Math.max(1, ...rows.map((r) => r.hours));
  const band = 34;
  const width = Math.max(320, rows.length * band + 40);
  const height = 180;
  return (
    <figure className="log-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height + 40}`} role="img" aria-label={title}>
        {rows.map((r, i) => {
          const x = 20 + i * band;
          const hCount = (r.broadcasts / maxCount) * height;
          const hHours = (r.hours / maxHours) * height;
          return (
            <g key={r.key}>
              <rect x={x} y={height - hCount} width={12} height={hCount} fill="#1d4e89">
                <title>{`${r.key}: ${r.broadcasts}`}</title>
              </rect>
              <rect x={x + 13} y={height - hHours} width={12} height={hHours} fill="#0f6b2f">
                <title>{`${r.key}: ${hours(r.hours)} h`}</title>
              </rect>
              <text x={x + 12} y={height + 14} fontSize={10} textAnchor="middle" fill="currentColor">
                {r.key.length > 8 ? r.key.slice(0, 7) : r.key}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="log-stats-table">
        <thead>
          <tr>
            <th scope="col">{title}</th>
            <th scope="col">{t('log.stats.broadcasts')}</th>
            <th scope="col">{t('log.stats.hours')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.key}</th>
              <td>{r.broadcasts}</td>
              <td>{hours(r.hours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
