import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useObsStore } from '../../stores/obs-store';
import { applySelected, reviewPlan, usePresetsStore } from '../../stores/presets-store';
import { ApplyResultView } from './ApplyResultView';
import { NextSteps } from './NextSteps';
import { PlanView } from './PlanView';

/** Review first (the plan), then apply; progress and the result are announced. */
export function ApplySection({ presetId, onOpenChecklist }: { presetId: string; onOpenChecklist?: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const connected = useObsStore((s) => s.state.connection.status === 'connected');
  const busy = usePresetsStore((s) => s.busy);
  const phase = usePresetsStore((s) => s.phase);
  const plan = usePresetsStore((s) => (s.plan?.presetId === presetId ? s.plan : null));
  const result = usePresetsStore((s) => (s.result?.presetId === presetId ? s.result : null));
  const disabled = !connected || busy !== null;

  return (
    <section className="panel" aria-labelledby="preset-apply-heading">
      <h3 id="preset-apply-heading">{t('presets.plan.heading')}</h3>
      {!connected && <p className="note">{t('presets.notConnected')}</p>}
      <div className="preset-actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={disabled}
          onClick={() => void reviewPlan(api, presetId)}
        >
          {busy === 'plan' ? t('presets.reviewing') : t('presets.review')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={disabled}
          onClick={() => void applySelected(api, presetId)}
        >
          {t('presets.apply')}
        </button>
      </div>
      <div role="status" className="note" data-testid="apply-progress">
        {busy === 'apply' && phase && t(`presets.phase.${phase}`)}
      </div>
      {plan && <PlanView plan={plan} />}
      {result && <ApplyResultView result={result} />}
      {result && (result.status === 'applied' || result.status === 'unchanged') && (
        <NextSteps presetId={presetId} {...(onOpenChecklist ? { onOpenChecklist } : {})} />
      )}
    </section>
  );
}
