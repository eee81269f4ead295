import { useId, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { importPresetFile, usePresetsStore } from '../../stores/presets-store';

/** A JSON file in, validated by the core: a new preset, or the list of problems (nothing stored). */
export function ImportPreset() {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const problems = usePresetsStore((s) => s.importProblems);
  const importedName = usePresetsStore((s) => s.importedName);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file can be chosen again after fixing it
    if (!file) return;
    await importPresetFile(api, await file.text());
  };

  return (
    <div className="field preset-import">
      <label htmlFor={id}>{t('presets.manage.import')}</label>
      <input id={id} type="file" accept="application/json,.json" onChange={(e) => void onFile(e)} />
      <div role="status">{importedName && <p>{t('presets.manage.imported', { name: importedName })}</p>}</div>
      {problems && (
        <div role="alert" className="error-message" data-testid="import-problems">
          <p className="error-message__text">{t('presets.manage.importProblems')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{t('presets.manage.problem', { path: p.path, message: p.message })}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
