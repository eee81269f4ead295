import { useTranslation } from 'react-i18next';
import type { TransitionChoice } from '../../../shared/live/live-state';
import { useApi } from '../../api/api-context';
import { runLive, useLiveStore } from '../../stores/live-store';
import { useObsStore } from '../../stores/obs-store';

/** Studio mode on/off, Take, and the transition (the preset's, or a cut). */
export function StudioBar() {
  const { t } = useTranslation();
  const api = useApi();
  const studioMode = useObsStore((s) => s.state.studioMode);
  const canTake = useObsStore(
    (s) => s.state.studioMode && s.state.previewScene !== null && s.state.previewScene !== s.state.programScene,
  );
  const transition = useLiveStore((s) => s.state.transition);
  const presetKind = useLiveStore((s) => s.state.layout?.transition.kind);

  return (
    <section className="live-studio" aria-label={t('live.studio.toggle')}>
      <label className="live-switch">
        <input
          type="checkbox"
          role="switch"
          checked={studioMode}
          onChange={(e) => void runLive(() => api.live.setStudioMode({ enabled: e.target.checked }))}
        />
        {t('live.studio.toggle')}
      </label>
      <p className="live-studio__explain">{studioMode ? t('live.studio.on') : t('live.studio.off')}</p>
      {studioMode && (
        <button
          type="button"
          className="button button--primary live-take"
          data-testid="take"
          aria-disabled={!canTake}
          onClick={() => canTake && void runLive(() => api.live.take())}
        >
          {t('live.studio.take')} <kbd aria-hidden="true">{t('live.studio.takeHint')}</kbd>
        </button>
      )}
      <label className="live-transition">
        {t('live.transition.label')}
        <select
          value={transition}
          onChange={(e) => void runLive(() => api.live.setTransition({ choice: e.target.value as TransitionChoice }))}
        >
          <option value="preset">
            {presetKind
              ? t('live.transition.preset', { kind: t(`live.transition.kinds.${presetKind}`) })
              : t('live.transition.presetNone')}
          </option>
          <option value="cut">{t('live.transition.cut')}</option>
        </select>
      </label>
    </section>
  );
}
