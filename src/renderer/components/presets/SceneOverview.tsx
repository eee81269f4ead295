import { useTranslation } from 'react-i18next';
import type { Preset } from '../../../shared/presets/preset-schema';

/**
 * The preset's scenes in order, tagged safe / before start / closing, with the microphones
 * that should be on, and the go-live checklist the program uses.
 */
export function SceneOverview({ preset }: { preset: Preset }) {
  const { t } = useTranslation();
  const label = (id: string) => preset.sources.find((s) => s.id === id)?.label ?? id;
  const tags = (id: string) =>
    [
      id === preset.safeSceneId && t('presets.safeScene'),
      id === preset.startingSceneId && t('presets.startingScene'),
      id === preset.closingSceneId && t('presets.closingScene'),
    ].filter((tag): tag is string => typeof tag === 'string');
  return (
    <>
      <p className="note" data-testid="preset-program-type">
        {preset.programType
          ? t('presets.programType', { type: t(`golive.checklist.programTypes.${preset.programType}`) })
          : t('presets.noProgramType')}
      </p>
      <h4>{t('presets.scenesHeading')}</h4>
      <ol className="preset-scenes">
        {preset.scenes.map((scene) => (
          <li key={scene.id}>
            {scene.name}
            {tags(scene.id).length > 0 && <span className="preset-scenes__tag"> ({tags(scene.id).join(', ')})</span>}
            {scene.liveMics.length > 0 && (
              <span className="preset-scenes__mics">
                {' '}
                – {t('presets.micsLive', { mics: scene.liveMics.map(label).join(', ') })}
              </span>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
