import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  name: string;
  /** OBS's program scene: what viewers see (or would see, when not live). */
  isProgram: boolean;
  /** Studio mode's preview scene. */
  isPreview: boolean;
  streaming: boolean;
  pending: boolean;
  onSelect: () => void;
}

/**
 * One scene. The button's name is the scene's name alone; the badges sit beside it and
 * are tied to it as its description, so screen readers hear "Läsare, I SÄNDNING".
 */
export function SceneButton({ name, isProgram, isPreview, streaming, pending, onSelect }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const badgeId = `${id}-badge`;
  const pendingId = `${id}-pending`;
  const describedBy = [isProgram || isPreview ? badgeId : null, pending ? pendingId : null].filter(Boolean).join(' ');
  const state = isProgram ? 'program' : isPreview ? 'preview' : 'idle';
  return (
    <li className={`scene scene--${state}${isProgram && streaming ? ' scene--on-air' : ''}`}>
      <button
        type="button"
        className="scene__button"
        aria-current={isProgram ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        aria-busy={pending || undefined}
        onClick={onSelect}
      >
        {name}
      </button>
      {isProgram && (
        // "On air" only while OBS streams; otherwise the program scene is what OBS shows.
        <span id={badgeId} className={`badge ${streaming ? 'badge--on-air' : 'badge--showing'}`} data-testid="live-badge">
          {streaming ? t('scenes.onAir') : t('scenes.showing')}
        </span>
      )}
      {isPreview && (
        <span id={badgeId} className="badge badge--preview" data-testid="preview-badge">
          {t('scenes.preview')}
        </span>
      )}
      {pending && (
        <span id={pendingId} className="scene__pending">
          {t('scenes.switching')}
        </span>
      )}
    </li>
  );
}
