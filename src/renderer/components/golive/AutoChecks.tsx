import { useTranslation } from 'react-i18next';
import type { AutoCheckResult } from '../../../shared/checklist/checklist-schema';
import { useDynamicT } from '../../i18n/use-dynamic-t';
import { LevelMeter } from '../live/LevelMeter';

interface Props {
  checks: AutoCheckResult[];
  onFix: (check: AutoCheckResult) => void;
  /** The check whose fix is running. */
  fixing?: AutoCheckResult['id'] | null;
  /** Editing the template: each check can be made required or recommended. */
  editing?: boolean;
  onRequired?: (check: AutoCheckResult, required: boolean) => void;
}

const icon: Record<AutoCheckResult['status'], string> = { pass: '✓', fail: '✗', unknown: '?', skipped: '–' };

/** The automatic checks, live from OBS's state, each with its fix-it button when there is one. */
export function AutoChecks({ checks, onFix, fixing = null, editing = false, onRequired }: Props) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  return (
    <ul className="golive-checks" data-testid="auto-checks">
      {checks
        .filter((c) => c.status !== 'skipped' || c.required || editing)
        .map((c) => (
          <li key={c.id} className={`golive-check golive-check--${c.status}`} data-check={c.id} data-status={c.status}>
            <span className="golive-check__icon" aria-hidden="true">
              {icon[c.status]}
            </span>
            <div className="golive-check__text">
              <span className="golive-check__label">{dt(`golive.checklist.checks.${c.id}.label`)}</span>{' '}
              <span className="golive-check__status">
                ({c.reason === 'listening' ? t('golive.checklist.listening') : t(`golive.checklist.status.${c.status}`)}
                , {c.required ? t('golive.checklist.required') : t('golive.checklist.recommended')})
              </span>
              {c.reason && c.status !== 'pass' && (
                <span className="golive-check__reason">
                  {dt(`golive.checklist.checks.${c.id}.${c.reason}`, c.params)}
                </span>
              )}
              {/* Seeing the level move is the quickest sound check. */}
              {c.id === 'micReady' && typeof c.params.input === 'string' && (
                <LevelMeter
                  inputName={c.params.input}
                  muted={c.reason === 'muted'}
                  label={t('golive.checklist.micLevel', { input: c.params.input })}
                />
              )}
            </div>
            {c.fix && c.status === 'fail' && (
              <button
                type="button"
                className="button button--secondary"
                disabled={fixing !== null}
                aria-busy={fixing === c.id}
                onClick={() => onFix(c)}
              >
                {fixing === c.id ? t('golive.checklist.fixing') : t(`golive.checklist.fixes.${c.fix}`)}
              </button>
            )}
            {editing && onRequired && (
              <label className="golive-check__required">
                <input
                  type="checkbox"
                  checked={c.required}
                  aria-label={t('golive.checklist.requiredToggle', {
                    item: dt(`golive.checklist.checks.${c.id}.label`),
                  })}
                  onChange={(e) => onRequired(c, e.target.checked)}
                />{' '}
                {t('golive.checklist.required')}
              </label>
            )}
          </li>
        ))}
    </ul>
  );
}
