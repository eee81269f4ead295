import { useTranslation } from 'react-i18next';
import type { Plan, PlanStep } from '../../../shared/presets/preset-plan';
import { stepText } from './step-text';
import { WarningList } from './WarningList';

type Action = PlanStep['action'];

/**
 * What applying will do in OBS, in a person's words ("6 scener skapas, 2 ändras"), with what is
 * good to know first and every step behind a disclosure for whoever wants the details.
 */
export function PlanView({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const count = (action: Action, target?: PlanStep['target']) =>
    plan.steps.filter((s) => s.action === action && (!target || s.target === target)).length;
  const line = (target: 'scene' | 'input'): string | null => {
    const created = count('create', target);
    const updated = count('update', target);
    const key = target === 'scene' ? 'scenes' : 'sources';
    const parts = [
      created > 0 ? t(`presets.plan.summary.${key}Create`, { count: created }) : null,
      updated > 0
        ? created > 0
          ? t('presets.plan.summary.alsoUpdated', { count: updated })
          : t(`presets.plan.summary.${key}Update`, { count: updated })
        : null,
    ].filter(Boolean);
    return parts.length > 0 ? `${parts.join(', ')}.` : null;
  };
  const lines = [line('scene'), line('input')].filter((l): l is string => l !== null);
  if (plan.mutations > 0 && lines.length === 0) lines.push(t('presets.plan.summary.settingsUpdate'));
  return (
    <div className="preset-plan" data-testid="preset-plan">
      {plan.mutations === 0 ? (
        <p>{t('presets.plan.nothing')}</p>
      ) : (
        <p data-testid="preset-plan-summary">
          {lines.join(' ')}
          {count('keep') > 0 && ` ${t('presets.plan.summary.kept')}`}
        </p>
      )}
      <WarningList warnings={plan.warnings} />
      <details className="preset-plan__details">
        <summary>{t('presets.plan.showSteps', { count: plan.steps.length })}</summary>
        <ul className="preset-steps">
          {plan.steps.map((step, i) => (
            <li key={i} data-action={step.action}>
              {stepText(t, step)}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
