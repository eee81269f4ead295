import { useTranslation } from 'react-i18next';
import type { HealthSummary } from '../../../shared/broadcast-log/entry-schema';

/** The health summary in words. */
export function HealthFacts({ health }: { health: HealthSummary }) {
  const { t } = useTranslation();
  const n = (v: number | null) => (v === null ? '–' : String(Math.round(v)));
  return (
    <section aria-label={t('log.detail.health')}>
      <h4>{t('log.detail.health')}</h4>
      <ul className="log-health">
        <li>{t('log.detail.avgKbps', { value: n(health.avgKbps) })}</li>
        <li>{t('log.detail.minKbps', { value: n(health.minKbps) })}</li>
        <li>{t('log.detail.dropped', { value: health.droppedPct })}</li>
        <li>{t('log.detail.skipped', { value: health.skippedPct })}</li>
        <li>{t('log.detail.reconnects', { value: health.reconnects })}</li>
        <li>{t('log.detail.congestion', { value: Math.round(health.worstCongestion * 100) })}</li>
      </ul>
    </section>
  );
}
