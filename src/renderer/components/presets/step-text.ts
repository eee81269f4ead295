import type { TFunction } from 'i18next';
import type { PlanStep } from '../../../shared/presets/preset-plan';

/** One plan step as a sentence fragment: "Create · Scene · Sagostund – Läsare". */
export function stepText(t: TFunction, step: PlanStep): string {
  const what =
    step.scene && step.target !== 'scene'
      ? t('presets.plan.inScene', { name: step.name, scene: step.scene })
      : step.name;
  return `${t(`presets.plan.action.${step.action}`)} · ${t(`presets.plan.target.${step.target}`)} · ${what}`;
}
