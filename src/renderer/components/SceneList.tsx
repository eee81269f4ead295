import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/errors';
import { useApi } from '../api/api-context';
import { useObsStore } from '../stores/obs-store';
import { ErrorMessage } from './ErrorMessage';
import { SceneButton } from './SceneButton';

/**
 * OBS's scenes as big buttons. Which one is live comes only from OBS's state events:
 * a click asks OBS to switch, and the marker moves when OBS says it has.
 */
export function SceneList() {
  const { t } = useTranslation();
  const api = useApi();
  const connected = useObsStore((s) => s.state.connection.status === 'connected');
  const scenes = useObsStore((s) => s.state.scenes);
  const programScene = useObsStore((s) => s.state.programScene);
  const previewScene = useObsStore((s) => s.state.previewScene);
  const studioMode = useObsStore((s) => s.state.studioMode);
  const streaming = useObsStore((s) => s.state.stream.active);
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const switchTo = async (sceneName: string) => {
    setError(null);
    setPending(sceneName);
    const result = await api.obs.switchScene({ sceneName });
    setPending((current) => (current === sceneName ? null : current));
    if (!result.ok) setError(result.error);
  };

  return (
    <section className="scenes" aria-labelledby="scenes-heading">
      <h2 id="scenes-heading">{t('scenes.heading')}</h2>
      {error && <ErrorMessage error={error} />}
      {!connected ? (
        <p className="scenes__empty">{t('scenes.notConnected')}</p>
      ) : scenes.length === 0 ? (
        <p className="scenes__empty">{t('scenes.empty')}</p>
      ) : (
        <ul className="scene-list" data-testid="scene-list">
          {scenes.map((scene) => (
            <SceneButton
              key={scene.uuid ?? scene.name}
              name={scene.name}
              isProgram={scene.name === programScene}
              isPreview={studioMode && scene.name === previewScene && scene.name !== programScene}
              streaming={streaming}
              pending={pending === scene.name}
              onSelect={() => void switchTo(scene.name)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
