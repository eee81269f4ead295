import { useTranslation } from 'react-i18next';
import { usePresetsStore } from '../../stores/presets-store';
import { DetailsForm } from '../presets/DetailsForm';

/** The applied preset's details (reader, author, book, credit line), editable while live. */
export function LiveTexts({ presetId, textsOnly = false }: { presetId: string; textsOnly?: boolean }) {
  const { t } = useTranslation();
  const entry = usePresetsStore((s) => s.entries.find((e) => e.preset.id === presetId));
  if (!entry) return null;
  return (
    <details className="live-texts">
      <summary>{t('live.texts.heading')}</summary>
      <p>{t('live.texts.hint')}</p>
      <DetailsForm key={presetId} entry={entry} textsOnly={textsOnly} />
    </details>
  );
}
