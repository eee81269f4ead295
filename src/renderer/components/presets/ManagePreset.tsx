import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresetEntry } from '../../../shared/contract/presets';
import { useApi } from '../../api/api-context';
import { selectPreset, setPresetsError } from '../../stores/presets-store';
import { downloadTextFile } from './download-file';

/** Copy, export, and — for the user's own presets — rename and delete (with a confirmation). */
export function ManagePreset({ entry }: { entry: PresetEntry }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const { preset, builtIn } = entry;
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(preset.name);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const duplicate = async () => {
    const copy = await api.presets.duplicate({ presetId: preset.id });
    if (copy.ok) selectPreset(copy.value.preset.id);
    else setPresetsError(copy.error);
  };
  const exportJson = async () => {
    const file = await api.presets.export({ presetId: preset.id });
    if (file.ok) downloadTextFile(file.value.fileName, file.value.json);
    else setPresetsError(file.error);
  };
  const rename = async () => {
    const renamed = await api.presets.rename({ presetId: preset.id, name });
    if (renamed.ok) setRenaming(false);
    else setPresetsError(renamed.error);
  };
  const remove = async () => {
    const deleted = await api.presets.delete({ presetId: preset.id });
    if (!deleted.ok) setPresetsError(deleted.error);
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('presets.manage.heading')}</h3>
      <div className="preset-actions">
        <button type="button" className="button button--secondary" onClick={() => void duplicate()}>
          {t('presets.manage.duplicate')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void exportJson()}>
          {t('presets.manage.export')}
        </button>
        {!builtIn && !renaming && (
          <button type="button" className="button button--secondary" onClick={() => setRenaming(true)}>
            {t('presets.manage.rename')}
          </button>
        )}
        {!builtIn && !confirmDelete && (
          <button type="button" className="button button--secondary" onClick={() => setConfirmDelete(true)}>
            {t('presets.manage.delete')}
          </button>
        )}
      </div>
      {renaming && (
        <form
          className="field preset-rename"
          onSubmit={(e) => {
            e.preventDefault();
            void rename();
          }}
        >
          <label htmlFor={`${id}-name`}>{t('presets.manage.newName')}</label>
          <input
            id={`${id}-name`}
            type="text"
            maxLength={64}
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoFocus
          />
          <div className="preset-actions">
            <button type="submit" className="button button--primary">
              {t('presets.manage.saveName')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setRenaming(false)}>
              {t('presets.manage.cancel')}
            </button>
          </div>
        </form>
      )}
      {confirmDelete && (
        <div role="alertdialog" aria-labelledby={`${id}-confirm`} className="preset-confirm">
          <p id={`${id}-confirm`}>{t('presets.manage.confirmDelete', { name: preset.name })}</p>
          <div className="preset-actions">
            <button type="button" className="button button--primary" onClick={() => void remove()}>
              {t('presets.manage.confirm')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setConfirmDelete(false)}
              autoFocus
            >
              {t('presets.manage.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
