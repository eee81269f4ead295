import { useTranslation } from 'react-i18next';
import type { Preset } from '../../../shared/presets/preset-schema';

/** The preset's scenes in order, with the safe scene and the microphones that should be on. */
export function SceneOverview({ preset }: { preset: Preset }) {
  const { t } = useTranslation();
  const label = (id: string) => preset.sources.find((s) => s.id === id)?.label ?? id;
  return (
    <>
      <h4>{t('presets.scenesHeading')}</h4>
      <ol className="preset-scenes">
        {preset.scenes.map((scene) => (
          <li key={scene.id}>
            {scene.name}
            {scene.id === preset.safeSceneId && <span className="preset-scenes__tag"> ({t('presets.safeScene')})</span>}
            {scene.liveMics.length > 0 && (
              <span className="preset-scenes__mics"> – {t('presets.micsLive', { mics: scene.liveMics.map(label).join(', ') })}</span>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
