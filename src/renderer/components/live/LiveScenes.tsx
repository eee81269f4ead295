import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useThumbnails } from '../../hooks/use-thumbnails';
import { selectScene, useLiveStore } from '../../stores/live-store';
import { useObsStore } from '../../stores/obs-store';
import { LiveSceneButton } from './LiveSceneButton';
import type { SceneEntry } from './live-scenes';

/** The preset's scenes as large numbered buttons; OBS's other scenes below, smaller. */
export function LiveScenes({ main, other }: { main: SceneEntry[]; other: SceneEntry[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const programScene = useObsStore((s) => s.state.programScene);
  const previewScene = useObsStore((s) => s.state.previewScene);
  const studioMode = useObsStore((s) => s.state.studioMode);
  const streaming = useObsStore((s) => s.state.stream.active);
  const pending = useLiveStore((s) => s.pending);
  const layout = useLiveStore((s) => s.state.layout);
  const thumbnails = useThumbnails(
    api,
    main.map((s) => s.obsName),
    main.length > 0,
  );

  const button = (scene: SceneEntry, index: number | null) => (
    <LiveSceneButton
      key={scene.obsName}
      label={scene.label}
      obsName={scene.obsName}
      isProgram={scene.obsName === programScene}
      isPreview={studioMode && scene.obsName === previewScene && scene.obsName !== programScene}
      streaming={streaming}
      pending={pending === scene.obsName}
      keyHint={index !== null && index < 9 ? String(index + 1) : undefined}
      thumbnail={thumbnails[scene.obsName]}
      large={index !== null}
      onSelect={() => void selectScene(api, scene.obsName)}
    />
  );

  return (
    <section className="scenes live-scenes" aria-labelledby="scenes-heading">
      <h2 id="scenes-heading">
        {layout ? t('live.presetScenes', { preset: layout.presetName }) : t('live.obsScenes')}
      </h2>
      {!layout && main.length > 0 && <p className="scenes__empty">{t('live.noPreset')}</p>}
      {main.length === 0 ? (
        <p className="scenes__empty">{t('scenes.empty')}</p>
      ) : (
        <ul className="scene-list" data-testid="scene-list">
          {main.map((scene, i) => button(scene, i))}
        </ul>
      )}
      {other.length > 0 && (
        <div className="live-other">
          <h3>{t('live.otherScenes')}</h3>
          <ul className="scene-list scene-list--small" data-testid="other-scene-list">
            {other.map((scene) => button(scene, null))}
          </ul>
        </div>
      )}
    </section>
  );
}
