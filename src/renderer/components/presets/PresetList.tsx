import { useTranslation } from 'react-i18next';
import { selectPreset, usePresetsStore } from '../../stores/presets-store';
import { guardLeave } from './editor/editor-guard';
import { ImportPreset } from './ImportPreset';

/** Built-in presets first, then the user's own; the picked one is pressed. */
export function PresetList() {
  const { t } = useTranslation();
  const entries = usePresetsStore((s) => s.entries);
  const selectedId = usePresetsStore((s) => s.selectedId);
  return (
    <nav className="preset-list panel" aria-labelledby="preset-list-heading">
      <h3 id="preset-list-heading">{t('presets.listHeading')}</h3>
      <ul data-testid="preset-list">
        {entries.map(({ preset, builtIn }) => (
          <li key={preset.id}>
            <button
              type="button"
              className="preset-list__item"
              aria-pressed={preset.id === selectedId}
              onClick={() => preset.id !== selectedId && guardLeave(() => selectPreset(preset.id))}
            >
              <span className="preset-list__name">{preset.name}</span>
              <span className="preset-list__badge">{builtIn ? t('presets.builtIn') : t('presets.own')}</span>
            </button>
          </li>
        ))}
      </ul>
      <ImportPreset />
    </nav>
  );
}
