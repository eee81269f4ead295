import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProgramTypeSchema, type AutoCheckId, type AutoCheckResult } from '../../../shared/checklist/checklist-schema';
import { useApi } from '../../api/api-context';
import { useAction } from '../../hooks/use-action';
import { useGoLiveStore } from '../../stores/golive-store';
import { useObsStore } from '../../stores/obs-store';
import { usePresetsStore } from '../../stores/presets-store';
import { useSettingsStore } from '../../stores/settings-store';
import { ErrorMessage } from '../ErrorMessage';
import { AutoChecks } from './AutoChecks';
import { ManualItems } from './ManualItems';
import { useDynamicT } from '../../i18n/use-dynamic-t';
import './checklist.css';

/** The go-live checklist: program type, automatic checks, manual items, and editing the template. */
export function ChecklistPanel({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const api = useApi();
  const status = useGoLiveStore((s) => s.checklist);
  const scenes = useObsStore((s) => s.state.scenes);
  const presets = usePresetsStore((s) => s.entries);
  const [fixing, setFixing] = useState<AutoCheckId | null>(null);
  const language = useSettingsStore((s) => s.settings?.language ?? 'sv');
  const [editing, setEditing] = useState(false);
  // Ticks and edits may overlap: each is its own request, and the last failure shows.
  const { run, error } = useAction({ overlap: true });
  const [newSv, setNewSv] = useState('');
  const [newEn, setNewEn] = useState('');

  if (!status) return null;
  const { session, template } = status;
  // The required items still open, by name, so nobody has to scan the whole list.
  const remaining = status.blocking.map((id) => {
    const manual = status.manual.find((m) => m.id === id);
    return manual ? manual.text[language] : dt(`golive.checklist.checks.${id}.label`);
  });
  // Some fixes take a while (applying a preset): the button says so and cannot be pressed twice.
  const fix = (c: AutoCheckResult) => {
    setFixing(c.id);
    void run(() => api.checklist.fix({ checkId: c.id })).finally(() => setFixing(null));
  };
  const addItem = async () => {
    const sv = newSv.trim() || newEn.trim();
    const en = newEn.trim() || sv;
    if (!sv) return;
    // Without an English text the item reads the same in both languages.
    const added = await run(() => api.checklist.addItem({ text: { sv, en }, required: false }));
    if (!added?.ok) return; // the typed text stays, to correct it
    setNewSv('');
    setNewEn('');
  };
  const onNewItemKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') void addItem();
  };
  const sceneSelect = (which: 'startingScene' | 'closingScene') => (
    <div className="field">
      <label htmlFor={`golive-${which}`}>{t(`golive.checklist.${which}`)}</label>
      <select
        id={`golive-${which}`}
        value={template[which] ?? ''}
        onChange={(e) => void run(() => api.checklist.setTemplateOptions({ [which]: e.target.value || null }))}
      >
        <option value="">{t('golive.checklist.sceneNone')}</option>
        {[...new Set([...scenes.map((s) => s.name), ...(template[which] ? [template[which]] : [])])].map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section className="panel golive-checklist" aria-labelledby="golive-checklist-heading">
      <h3 id="golive-checklist-heading">{t('golive.checklist.heading')}</h3>
      <p
        className={remaining.length > 0 ? 'golive-remaining' : 'golive-remaining golive-remaining--done'}
        data-testid="checklist-remaining"
        role="status"
      >
        {remaining.length > 0
          ? t('golive.checklist.remaining', { items: remaining.join(', ') })
          : t('golive.checklist.remainingNone')}
      </p>
      {error && <ErrorMessage error={error} />}
      <div className="golive-session">
        <div className="field">
          <label htmlFor="golive-preset">{t('golive.checklist.preset')}</label>
          <select
            id="golive-preset"
            value={session.presetId ?? ''}
            disabled={locked}
            onChange={(e) => void run(() => api.checklist.updateSession({ presetId: e.target.value || null }))}
          >
            <option value="">{t('golive.checklist.presetNone')}</option>
            {session.presetId !== null && !presets.some((p) => p.preset.id === session.presetId) && (
              <option value={session.presetId}>{status.preset?.name ?? t('golive.checklist.presetGone')}</option>
            )}
            {presets.map(({ preset }) => (
              <option key={preset.id} value={preset.id}>
                {preset.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="golive-program-type">{t('golive.checklist.programType')}</label>
          <select
            id="golive-program-type"
            value={session.programType}
            disabled={locked}
            onChange={(e) =>
              void run(() => api.checklist.updateSession({ programType: ProgramTypeSchema.parse(e.target.value) }))
            }
          >
            {ProgramTypeSchema.options.map((p) => (
              <option key={p} value={p}>
                {t(`golive.checklist.programTypes.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="golive-toggle">
          <input
            type="checkbox"
            checked={session.record}
            disabled={locked}
            onChange={(e) => void run(() => api.checklist.updateSession({ record: e.target.checked }))}
          />{' '}
          {t('golive.checklist.record')}
        </label>
        <label className="golive-toggle">
          <input
            type="checkbox"
            checked={session.rehearsal}
            disabled={locked}
            onChange={(e) => void run(() => api.checklist.updateSession({ rehearsal: e.target.checked }))}
          />{' '}
          {t('golive.checklist.rehearsal')}
        </label>
      </div>

      <h4>{t('golive.checklist.autoHeading')}</h4>
      <AutoChecks
        checks={status.auto}
        onFix={fix}
        fixing={fixing}
        editing={editing}
        onRequired={(c, required) => void run(() => api.checklist.setItemRequired({ itemId: c.id, required }))}
      />
      <button type="button" className="button button--link" onClick={() => void run(() => api.checklist.refresh())}>
        {t('golive.checklist.refresh')}
      </button>

      <h4>{t('golive.checklist.manualHeading')}</h4>
      <ManualItems
        items={status.manual}
        language={language}
        editing={editing}
        locked={locked}
        onTick={(item, done, note) =>
          void run(() => api.checklist.tick({ itemId: item.id, done, ...(note !== undefined ? { note } : {}) }))
        }
        onMove={(item, direction) => void run(() => api.checklist.moveItem({ itemId: item.id, direction }))}
        onRemove={(item) => void run(() => api.checklist.removeItem({ itemId: item.id }))}
        onRequired={(item, required) => void run(() => api.checklist.setItemRequired({ itemId: item.id, required }))}
      />
      {editing && (
        <div className="golive-edit">
          <div className="field field__row">
            <input
              type="text"
              value={newSv}
              maxLength={300}
              aria-label={t('golive.checklist.newItem')}
              placeholder={t('golive.checklist.newItem')}
              onChange={(e) => setNewSv(e.target.value)}
              onKeyDown={onNewItemKey}
            />
            <input
              type="text"
              lang="en"
              value={newEn}
              maxLength={300}
              aria-label={t('golive.checklist.newItemEn')}
              placeholder={t('golive.checklist.newItemEn')}
              onChange={(e) => setNewEn(e.target.value)}
              onKeyDown={onNewItemKey}
            />
            <button type="button" className="button button--secondary" onClick={() => void addItem()}>
              {t('golive.checklist.addItem')}
            </button>
          </div>
          {status.preset ? (
            <p className="golive-edit__note">
              {t('golive.checklist.scenesFromPreset', {
                name: status.preset.name,
                starting: status.startingScene ?? t('golive.checklist.sceneNone'),
                closing: status.closingScene ?? t('golive.checklist.sceneNone'),
              })}
            </p>
          ) : (
            <>
              {sceneSelect('startingScene')}
              {sceneSelect('closingScene')}
            </>
          )}
          <button
            type="button"
            className="button button--link"
            onClick={() => void run(() => api.checklist.resetTemplate())}
          >
            {t('golive.checklist.resetTemplate')}
          </button>
        </div>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={editing}
          disabled={locked}
          onClick={() => setEditing((v) => !v)}
        >
          {editing ? t('golive.checklist.doneEditing') : t('golive.checklist.edit')}
        </button>
        <button
          type="button"
          className="button button--link"
          disabled={locked}
          onClick={() => void run(() => api.checklist.resetTicks())}
        >
          {t('golive.checklist.resetTicks')}
        </button>
      </div>
    </section>
  );
}
