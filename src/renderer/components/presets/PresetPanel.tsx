import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresetEntry } from '../../../shared/contract/presets';
import { useApi } from '../../api/api-context';
import { selectPreset, setPresetsError } from '../../stores/presets-store';
import { ApplySection } from './ApplySection';
import { DetailsForm } from './DetailsForm';
import { closeEditor, openEditor, useEditorGuard } from './editor/editor-guard';
import { PresetEditor } from './editor/PresetEditor';
import { ManagePreset } from './ManagePreset';
import { SceneOverview } from './SceneOverview';

/** Everything about the picked preset: its scenes, the program's details, manage, review and apply. */
export function PresetPanel({ entry, onOpenChecklist }: { entry: PresetEntry; onOpenChecklist?: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { preset } = entry;
  const editing = useEditorGuard((s) => s.editingId === preset.id);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);

  const copyToEdit = async () => {
    const copy = await api.presets.duplicate({ presetId: preset.id });
    if (copy.ok) selectPreset(copy.value.preset.id);
    else setPresetsError(copy.error);
  };

  if (editing) {
    return (
      <section className="preset-panel" data-testid="preset-panel">
        <PresetEditor
          key={preset.id}
          entry={entry}
          onClose={(wasSaved) => {
            closeEditor();
            setSaved(wasSaved);
            setTimeout(() => editButton.current?.focus(), 0);
          }}
        />
      </section>
    );
  }

  return (
    <section className="preset-panel" aria-labelledby="preset-panel-heading" data-testid="preset-panel">
      <div className="panel">
        <h3 id="preset-panel-heading">{preset.name}</h3>
        {preset.description && <p className="note">{preset.description}</p>}
        {entry.builtIn && <p className="note">{t('presets.readOnly')}</p>}
        <SceneOverview preset={preset} />
        <div className="preset-actions">
          {entry.builtIn ? (
            <button type="button" className="button button--secondary" onClick={() => void copyToEdit()}>
              {t('presets.editor.copyToEdit')}
            </button>
          ) : (
            <button
              ref={editButton}
              type="button"
              className="button button--secondary"
              onClick={() => {
                setSaved(false);
                openEditor(preset.id);
              }}
            >
              {t('presets.editor.open')}
            </button>
          )}
        </div>
        <p role="status" className="note" data-testid="editor-status">
          {saved ? t('presets.editor.saved') : ''}
        </p>
      </div>
      <DetailsForm entry={entry} />
      <ApplySection presetId={preset.id} {...(onOpenChecklist ? { onOpenChecklist } : {})} />
      <ManagePreset entry={entry} />
    </section>
  );
}
