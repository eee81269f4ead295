import { useTranslation } from 'react-i18next';
import type { HealthSummary } from '../../../shared/broadcast-log/entry-schema';
import { formatNumber } from './format';

/** The health summary in words. */
export function HealthFacts({ health }: { health: HealthSummary }) {
  const { t, i18n } = useTranslation();
  const n = (v: number | null, digits = 0) => formatNumber(v, i18n.language, digits);
  return (
    <section aria-label={t('log.detail.health')}>
      <h4>{t('log.detail.health')}</h4>
      <ul className="log-health">
        <li>{t('log.detail.avgKbps', { value: n(health.avgKbps) })}</li>
        <li>{t('log.detail.minKbps', { value: n(health.minKbps) })}</li>
        <li>{t('log.detail.dropped', { value: n(health.droppedPct, 1) })}</li>
        <li>{t('log.detail.skipped', { value: n(health.skippedPct, 1) })}</li>
        <li>{t('log.detail.reconnects', { value: n(health.reconnects) })}</li>
        <li>{t('log.detail.congestion', { value: n(health.worstCongestion * 100) })}</li>
      </ul>
    </section>
  );
}
