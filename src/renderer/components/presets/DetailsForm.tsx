import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresetEntry } from '../../../shared/contract/presets';
import type { AppError } from '../../../shared/errors';
import {
  programLanguage,
  type DetailKey,
  type DeviceChoice,
  type Details,
  type TextLanguage,
} from '../../../shared/presets/preset-details';
import { useApi } from '../../api/api-context';
import { usePresetsStore } from '../../stores/presets-store';
import { ErrorMessage } from '../ErrorMessage';
import { detailsUsedBy, deviceSlotsOf } from './preset-fields';

/** Waits this long after the last keystroke before saving (and updating OBS's texts). */
const SAVE_DELAY_MS = 350;

type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; texts: number } | { kind: 'failed'; error: AppError };

/**
 * The program's details (only those the preset's texts use) and the device picks. Each
 * change is saved shortly after typing stops; texts already in OBS change at once.
 * `textsOnly` (a paired phone): the texts, without the slides' language or the devices,
 * which are set up at the computer (the core refuses them from a phone).
 */
export function DetailsForm({ entry, textsOnly = false }: { entry: PresetEntry; textsOnly?: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const formId = useId();
  const presetId = entry.preset.id;
  const [details, setDetails] = useState<Details>(entry.details);
  const [devices, setDevices] = useState<DeviceChoice>(entry.devices);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const deviceLists = usePresetsStore((s) => (s.plan?.presetId === presetId ? s.plan.devices : null));
  const { main, book } = detailsUsedBy(entry.preset);
  const slots = deviceSlotsOf(entry.preset);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const save = (nextDetails: Details, nextDevices: DeviceChoice) => {
    if (timer.current) clearTimeout(timer.current);
    setState({ kind: 'saving' });
    timer.current = setTimeout(() => {
      const params = textsOnly
        ? { presetId, details: nextDetails }
        : { presetId, details: nextDetails, devices: nextDevices };
      void api.presets.setDetails(params).then((saved) => {
        setState(
          saved.ok ? { kind: 'saved', texts: saved.value.updatedTexts } : { kind: 'failed', error: saved.error },
        );
      });
    }, SAVE_DELAY_MS);
  };

  const onDetail = (key: DetailKey, value: string) => {
    const next = { ...details, [key]: value };
    setDetails(next);
    save(next, devices);
  };
  const onLanguage = (language: TextLanguage) => {
    const next = { ...details, language };
    setDetails(next);
    save(next, devices);
  };
  const onDevice = (slot: keyof DeviceChoice, value: string) => {
    const next = { ...devices, [slot]: value || undefined };
    setDevices(next);
    save(details, next);
  };

  const field = (key: DetailKey) => (
    <div className="field" key={key}>
      <label htmlFor={`${formId}-${key}`}>{t(`presets.details.${key}`)}</label>
      <input
        id={`${formId}-${key}`}
        type="text"
        maxLength={200}
        value={details[key] ?? ''}
        onChange={(e) => onDetail(key, e.target.value)}
      />
    </div>
  );

  return (
    <section className="panel" aria-labelledby={`${formId}-heading`}>
      <h3 id={`${formId}-heading`}>{t('presets.details.heading')}</h3>
      <p className="field__hint">{t('presets.details.hint')}</p>
      <form className="preset-details" onSubmit={(e) => e.preventDefault()}>
        {!textsOnly && (
          <div className="field">
            <label htmlFor={`${formId}-language`}>{t('presets.details.language')}</label>
            <select
              id={`${formId}-language`}
              aria-describedby={`${formId}-language-hint`}
              value={programLanguage(details)}
              onChange={(e) => onLanguage(e.target.value === 'en' ? 'en' : 'sv')}
            >
              <option value="sv">{t('presets.details.languageName.sv')}</option>
              <option value="en">{t('presets.details.languageName.en')}</option>
            </select>
            <p className="field__hint" id={`${formId}-language-hint`}>
              {t('presets.details.languageHint')}
            </p>
          </div>
        )}
        {main.map(field)}
        {book.length > 0 && (
          <fieldset className="preset-details__group">
            <legend>{t('presets.details.bookHeading')}</legend>
            {book.map(field)}
          </fieldset>
        )}
        {!textsOnly && slots.length > 0 && (
          <fieldset className="preset-details__group">
            <legend>{t('presets.devices.heading')}</legend>
            <p className="field__hint">{t('presets.devices.hint')}</p>
            {slots.map((slot) => {
              const role = slot.startsWith('camera') ? 'camera' : 'microphone';
              const options = deviceLists?.[role] ?? [];
              return (
                <div className="field" key={slot}>
                  <label htmlFor={`${formId}-${slot}`}>{t(`presets.devices.${slot}`)}</label>
                  <select
                    id={`${formId}-${slot}`}
                    value={devices[slot] ?? ''}
                    onChange={(e) => onDevice(slot, e.target.value)}
                  >
                    <option value="">{t('presets.devices.obsDefault')}</option>
                    {options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                </div>
              );
            })}
          </fieldset>
        )}
      </form>
      <div role="status" className="note" data-testid="details-status">
        {state.kind === 'saving' && t('presets.details.saving')}
        {state.kind === 'saved' &&
          (state.texts > 0 ? t('presets.details.savedTexts', { count: state.texts }) : t('presets.details.saved'))}
      </div>
      {state.kind === 'failed' && <ErrorMessage error={state.error} />}
    </section>
  );
}
