import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** What the button says: the preset's scene name, or OBS's. */
  label: string;
  obsName: string;
  isProgram: boolean;
  isPreview: boolean;
  streaming: boolean;
  pending: boolean;
  /** "1".."9": its key. */
  keyHint?: string;
  thumbnail?: string;
  large?: boolean;
  onSelect: () => void;
}

/**
 * One scene button. Its accessible name is the label alone (hint and picture are hidden from
 * it); the badge describes it, so screen readers hear "Läsare, I SÄNDNING".
 */
export function LiveSceneButton({
  label,
  obsName,
  isProgram,
  isPreview,
  streaming,
  pending,
  keyHint,
  thumbnail,
  large,
  onSelect,
}: Props) {
  const { t } = useTranslation();
  const id = useId();
  const state = isProgram ? 'program' : isPreview ? 'preview' : 'idle';
  return (
    <li
      className={`scene scene--${state}${isProgram && streaming ? ' scene--on-air' : ''}${large ? ' scene--large' : ''}`}
      data-scene={obsName}
    >
      <button
        type="button"
        className="scene__button"
        title={obsName !== label ? obsName : undefined}
        aria-current={isProgram ? 'true' : undefined}
        aria-describedby={isProgram || isPreview ? `${id}-badge` : undefined}
        aria-busy={pending || undefined}
        onClick={onSelect}
      >
        {thumbnail && <img className="scene__thumb" src={thumbnail} alt="" aria-hidden="true" />}
        {keyHint && (
          <kbd className="scene__key" aria-hidden="true">
            {keyHint}
          </kbd>
        )}
        <span className="scene__label">{label}</span>
      </button>
      {isProgram && (
        // "On air" only while OBS streams; otherwise the program scene is what OBS shows.
        <span
          id={`${id}-badge`}
          className={`badge ${streaming ? 'badge--on-air' : 'badge--showing'}`}
          data-testid="live-badge"
        >
          {streaming ? t('scenes.onAir') : t('scenes.showing')}
        </span>
      )}
      {isPreview && (
        <span id={`${id}-badge`} className="badge badge--preview" data-testid="preview-badge">
          {t('scenes.preview')}
        </span>
      )}
      {pending && <span className="scene__pending">{t('scenes.switching')}</span>}
    </li>
  );
}
