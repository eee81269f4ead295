import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenePicture } from '../../../shared/live/live-state';
import { useApi } from '../../api/api-context';
import { useCoreLease } from '../../hooks/use-core-lease';
import { connectProgramStore, useProgramStore } from '../../stores/program-store';

/**
 * What viewers see, about 2.5 times a second from the core's one screenshot loop; in studio mode
 * the preview beside it. The pictures are plain images named by their scene: a screen reader hears
 * the name when the scene changes, never every new frame (nothing here is a live region).
 */
export function ProgramMonitor() {
  const { t } = useTranslation();
  const api = useApi();
  const picture = useProgramStore((s) => s.picture);

  useEffect(() => connectProgramStore(api), [api]);
  useCoreLease(api, 'watchProgram', true);

  const frame = (kind: 'program' | 'preview', scene: ScenePicture) => (
    <figure className={`monitor__frame monitor__frame--${kind}`} data-testid={`monitor-${kind}`}>
      <figcaption className="monitor__label">{t(`live.monitor.${kind}`)}</figcaption>
      <img
        className="monitor__image"
        src={scene.imageData}
        alt={t(kind === 'program' ? 'live.monitor.programAlt' : 'live.monitor.previewAlt', {
          scene: scene.sceneName,
        })}
        data-scene={scene.sceneName}
      />
    </figure>
  );

  return (
    <section className="monitor" aria-labelledby="monitor-heading" data-testid="program-monitor">
      <h2 id="monitor-heading" className="visually-hidden">
        {t('live.monitor.heading')}
      </h2>
      {picture ? (
        <div className={`monitor__frames${picture.preview ? ' monitor__frames--studio' : ''}`}>
          {picture.preview && frame('preview', picture.preview)}
          {frame('program', picture.program)}
        </div>
      ) : (
        <p className="monitor__waiting">{t('live.monitor.waiting')}</p>
      )}
    </section>
  );
}
