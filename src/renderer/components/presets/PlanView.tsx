import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../shared/presets/preset-plan';
import { stepText } from './step-text';
import { WarningList } from './WarningList';

/** What applying will create, change and keep in OBS, and what is good to know first. */
export function PlanView({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const count = (action: string) => plan.steps.filter((s) => s.action === action).length;
  return (
    <div className="preset-plan" data-testid="preset-plan">
      <p>
        {plan.mutations === 0
          ? t('presets.plan.nothing')
          : t('presets.plan.counts', { create: count('create'), update: count('update'), keep: count('keep') })}
      </p>
      <WarningList warnings={plan.warnings} />
      <h4>{t('presets.plan.stepsHeading')}</h4>
      <ul className="preset-steps">
        {plan.steps.map((step, i) => (
          <li key={i} data-action={step.action}>
            {stepText(t, step)}
          </li>
        ))}
      </ul>
    </div>
  );
}
