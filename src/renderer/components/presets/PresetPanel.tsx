import { useTranslation } from 'react-i18next';
import type { PresetEntry } from '../../../shared/contract/presets';
import { ApplySection } from './ApplySection';
import { DetailsForm } from './DetailsForm';
import { ManagePreset } from './ManagePreset';
import { SceneOverview } from './SceneOverview';

/** Everything about the picked preset: its scenes, the program's details, manage, review and apply. */
export function PresetPanel({ entry }: { entry: PresetEntry }) {
  const { t } = useTranslation();
  const { preset } = entry;
  return (
    <section className="preset-panel" aria-labelledby="preset-panel-heading" data-testid="preset-panel">
      <div className="panel">
        <h3 id="preset-panel-heading">{preset.name}</h3>
        {preset.description && <p className="note">{preset.description}</p>}
        {entry.builtIn && <p className="note">{t('presets.readOnly')}</p>}
        <SceneOverview preset={preset} />
      </div>
      <DetailsForm entry={entry} />
      <ApplySection presetId={preset.id} />
      <ManagePreset entry={entry} />
    </section>
  );
}
