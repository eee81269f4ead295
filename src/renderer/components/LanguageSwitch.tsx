import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSchema, type Language } from '../../shared/settings';
import { useApi } from '../api/api-context';
import { useAction } from '../hooks/use-action';
import { setSettings, useSettingsStore } from '../stores/settings-store';
import { ErrorMessage } from './ErrorMessage';

/** Svenska / English. The choice is saved by the core; the UI follows the saved settings. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const api = useApi();
  const language = useSettingsStore((s) => s.settings?.language ?? 'sv');
  const { run, error } = useAction({ overlap: true });
  // The radio shows the choice while it is being saved; otherwise it would jump back until the
  // answer came. The texts switch when the saved settings arrive.
  const [choosing, setChoosing] = useState<Language | null>(null);

  const choose = async (next: Language) => {
    setChoosing(next);
    const result = await run(() => api.settings.setLanguage({ language: next }));
    setChoosing(null);
    if (result?.ok) setSettings(result.value);
  };

  return (
    <fieldset className="language-switch">
      <legend>{t('settings.language')}</legend>
      <div className="language-switch__options">
        {LanguageSchema.options.map((option) => (
          <label key={option} className="choice" lang={option}>
            <input
              type="radio"
              name="language"
              value={option}
              checked={(choosing ?? language) === option}
              onChange={() => void choose(option)}
            />
            {t(`settings.languageNames.${option}`)}
          </label>
        ))}
      </div>
      {error && <ErrorMessage error={error} />}
    </fieldset>
  );
}
