import { useTranslation } from 'react-i18next';
import type { ApplyResult, PlanStep } from '../../../shared/presets/preset-plan';
import { stepText } from './step-text';
import { WarningList } from './WarningList';

/** What the apply did: a sentence for the outcome, the warnings, and the steps done / not done / failed. */
export function ApplyResultView({ result }: { result: ApplyResult }) {
  const { t } = useTranslation();
  const headline =
    result.status === 'interrupted' && !result.confirmed
      ? t('presets.result.unconfirmed')
      : t(`presets.result.${result.status}`);
  const list = (heading: string, steps: PlanStep[], testId: string) =>
    steps.length > 0 && (
      <details data-testid={testId}>
        <summary>
          {heading} ({steps.length})
        </summary>
        <ul className="preset-steps">
          {steps.map((step, i) => (
            <li key={i}>{stepText(t, step)}</li>
          ))}
        </ul>
      </details>
    );
  return (
    <div className="preset-result" data-testid="apply-result" data-status={result.status}>
      <p
        className={
          result.status === 'applied' || result.status === 'unchanged' ? 'preset-result__ok' : 'preset-result__problem'
        }
      >
        {headline}
      </p>
      <p className="note">
        {t('presets.result.stats', {
          roundTrips: result.roundTrips,
          mutations: result.mutatingRequests,
          ms: result.durationMs,
        })}
      </p>
      <WarningList warnings={result.warnings} />
      {result.failed.length > 0 && (
        <>
          <h4>{t('presets.result.failedHeading')}</h4>
          <ul className="preset-steps">
            {result.failed.map(({ step, comment }, i) => (
              <li key={i}>
                {stepText(t, step)} – {comment}
              </li>
            ))}
          </ul>
        </>
      )}
      {list(t('presets.result.appliedHeading'), result.applied, 'applied-steps')}
      {list(t('presets.result.remainingHeading'), result.remaining, 'remaining-steps')}
    </div>
  );
}
