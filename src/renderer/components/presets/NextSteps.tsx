import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useAction } from '../../hooks/use-action';
import { connectGoLiveStore, useGoLiveStore } from '../../stores/golive-store';
import { useObsStore } from '../../stores/obs-store';
import { ErrorMessage } from '../ErrorMessage';

/**
 * After a preset is applied, what to do next, as buttons: put its starting scene ("Startar
 * snart") on air, then open the checklist. The starting scene's name in OBS comes from the
 * checklist, which takes an applied preset as the program being prepared.
 */
export function NextSteps({ presetId, onOpenChecklist }: { presetId: string; onOpenChecklist?: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  useEffect(() => connectGoLiveStore(api), [api]);
  const starting = useGoLiveStore((s) => (s.checklist?.preset?.id === presetId ? s.checklist.startingScene : null));
  const programScene = useObsStore((s) => s.state.programScene);
  const streaming = useObsStore((s) => s.state.stream.active);
  const { run, error } = useAction();
  const onAir = starting !== null && programScene === starting;

  return (
    <section className="preset-next" aria-labelledby="preset-next-heading" data-testid="next-steps">
      <h4 id="preset-next-heading">{t('presets.next.heading')}</h4>
      <ol className="preset-next__steps">
        {starting !== null && (
          <li>
            {onAir ? (
              <span data-testid="starting-on-air">{t('presets.next.startingOnAir', { scene: starting })}</span>
            ) : (
              <button
                type="button"
                className="button button--primary"
                // While streaming the live view switches scenes: a slide must not cut in by surprise.
                disabled={streaming}
                onClick={() => void run(() => api.obs.switchScene({ sceneName: starting }))}
              >
                {t('presets.next.showStarting', { scene: starting })}
              </button>
            )}
          </li>
        )}
        {onOpenChecklist && (
          <li>
            <button type="button" className="button button--secondary" onClick={onOpenChecklist}>
              {t('presets.next.openChecklist')}
            </button>
          </li>
        )}
      </ol>
      {error && <ErrorMessage error={error} />}
    </section>
  );
}
