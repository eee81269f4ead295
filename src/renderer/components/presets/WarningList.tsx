import { useTranslation } from 'react-i18next';
import type { PlanWarning } from '../../../shared/presets/preset-plan';
import { useDynamicT } from '../../i18n/use-dynamic-t';

export function WarningList({ warnings }: { warnings: PlanWarning[] }) {
  const { t } = useTranslation();
  // Warning keys are built from the code; presets.sv.ts is checked to have one per code.
  const dt = useDynamicT();
  if (warnings.length === 0) return null;
  return (
    <>
      <h4>{t('presets.plan.warningsHeading')}</h4>
      <ul className="preset-warnings" data-testid="preset-warnings">
        {warnings.map((w, i) => (
          <li key={i} data-warning={w.code}>
            {dt(`presets.warning.${w.code}`, w.params)}
          </li>
        ))}
      </ul>
    </>
  );
}
