import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { connectPresetsStore, usePresetsStore } from '../../stores/presets-store';
import { ErrorMessage } from '../ErrorMessage';
import { ScreenHeading } from '../ScreenHeading';
import { cancelLeave, closeEditor, guardLeave, useEditorGuard } from './editor/editor-guard';
import { PresetList } from './PresetList';
import { PresetPanel } from './PresetPanel';
import './presets.css';

/** Programs: pick a preset, fill in the program's details, review the plan, apply it to OBS. */
/** `onOpenChecklist`: the next step after applying, to Sänd's checklist. */
export function ProgramsScreen({ onBack, onOpenChecklist }: { onBack: () => void; onOpenChecklist?: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const entries = usePresetsStore((s) => s.entries);
  const selectedId = usePresetsStore((s) => s.selectedId);
  const error = usePresetsStore((s) => s.error);
  const selected = entries.find((e) => e.preset.id === selectedId) ?? null;

  // Built-in presets come in their program's language (its details), not the UI's.
  useEffect(() => connectPresetsStore(api), [api]);
  // Leaving Programs closes the editor (its changes were discarded on the way out).
  useEffect(() => () => closeEditor(), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // Escape first closes the "unsaved changes" question, then asks it, then leaves.
      if (useEditorGuard.getState().pendingLeave) cancelLeave();
      else guardLeave(onBack);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack]);

  return (
    <main className="screen" data-testid="programs">
      <div className="screen__top">
        <ScreenHeading>{t('presets.heading')}</ScreenHeading>
        <button type="button" className="button button--secondary" onClick={() => guardLeave(onBack)}>
          <span aria-hidden="true" className="button__icon">
            ←
          </span>
          {t('presets.back')}
        </button>
      </div>
      <p className="lead">{t('presets.intro')}</p>
      {error && <ErrorMessage error={error} />}
      <div className="presets">
        <PresetList />
        {selected && (
          <PresetPanel
            key={selected.preset.id}
            entry={selected}
            {...(onOpenChecklist ? { onOpenChecklist: () => guardLeave(onOpenChecklist) } : {})}
          />
        )}
      </div>
    </main>
  );
}
