import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresetEntry } from '../../../../shared/contract/presets';
import { ProgramTypeSchema } from '../../../../shared/checklist/checklist-schema';
import { PresetSchema, presetLimits, type Preset } from '../../../../shared/presets/preset-schema';
import { useApi } from '../../../api/api-context';
import { useAction } from '../../../hooks/use-action';
import {
  addScene,
  isDirty,
  sceneKinds,
  setDescription,
  setClosingScene,
  setPresetName,
  setProgramType,
  setSafeScene,
  setStartingScene,
  setTransition,
  validateDraft,
  type DraftProblem,
  type EditRefusal,
  type EditResult,
  type NewSceneWords,
  type SceneKind,
} from '../../../lib/preset-editing';
import { ErrorMessage } from '../../ErrorMessage';
import { cancelLeave, confirmLeave, setEditorDirty, useEditorGuard } from './editor-guard';
import { FieldProblems, invalidProps } from './FieldProblems';
import { whatText, whereText } from './problem-text';
import { SceneEditor } from './SceneEditor';
import './preset-editor.css';

interface Props {
  entry: PresetEntry;
  /** Leaves the editor: after saving (`true`) or discarding. */
  onClose: (saved: boolean) => void;
}

/**
 * Edits a user preset's document: scenes (name, order, add, remove, safe scene, live mics),
 * their sources (texts, colours, places) and the transition. Checked with the shared schema
 * before `presets.update`; the core checks again. Nothing is stored until Save.
 */
export function PresetEditor({ entry, onClose }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const idBase = useId().replace(/:/g, '');
  const [original] = useState<Preset>(entry.preset);
  const [draft, setDraft] = useState<Preset>(entry.preset);
  const [checked, setChecked] = useState(false);
  const [refusal, setRefusal] = useState<EditRefusal | null>(null);
  const { run, clear, pending: saving, error } = useAction();
  const [kind, setKind] = useState<SceneKind>('slide');
  const [focusAfterMove, setFocusAfterMove] = useState<{ sceneId: string; direction: -1 | 1 } | null>(null);
  const problemsRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const pendingLeave = useEditorGuard((s) => s.pendingLeave);
  const dirty = isDirty(original, draft);
  // Problems show after the first Save, then follow every change.
  const problems: DraftProblem[] = useMemo(() => (checked ? validateDraft(draft) : []), [checked, draft]);

  // The button that opened the editor is gone: reading starts at the editor's heading.
  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => setEditorDirty(dirty), [dirty]);
  useEffect(() => () => setEditorDirty(false), []);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
  useEffect(() => {
    if (!focusAfterMove) return;
    const { sceneId, direction } = focusAfterMove;
    const base = `${idBase}-scene-${sceneId}`;
    const same = document.getElementById(`${base}-${direction < 0 ? 'up' : 'down'}`) as HTMLButtonElement | null;
    const other = document.getElementById(`${base}-${direction < 0 ? 'down' : 'up'}`) as HTMLButtonElement | null;
    (same && !same.disabled ? same : other)?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove, idBase]);

  const edit = (change: (preset: Preset) => Preset) => {
    setRefusal(null);
    setDraft((d) => change(d));
  };
  const attempt = (change: (preset: Preset) => EditResult) => {
    const result = change(draft);
    if (result.ok) {
      setRefusal(null);
      setDraft(result.preset);
    } else setRefusal(result.reason);
  };

  const words: NewSceneWords = {
    sceneName: t('presets.editor.newScene.sceneName'),
    background: t('presets.editor.newScene.background'),
    slideText: t('presets.editor.newScene.slideText'),
    camera: t('presets.editor.newScene.camera'),
    camera2: t('presets.editor.newScene.camera2'),
    microphone: t('presets.editor.newScene.microphone'),
    bar: t('presets.editor.newScene.bar'),
    lowerThirdText: t('presets.editor.newScene.lowerThirdText'),
  };

  const save = async () => {
    setChecked(true);
    clear();
    const found = validateDraft(draft);
    if (found.length > 0) {
      // Let the list render, then move there so a screen reader reads it.
      setTimeout(() => problemsRef.current?.focus(), 0);
      return;
    }
    const saved = await run(() => api.presets.update({ preset: PresetSchema.parse(draft) }));
    if (saved?.ok) onClose(true);
  };

  const cancel = () => {
    if (dirty) useEditorGuard.setState({ pendingLeave: () => onClose(false) });
    else onClose(false);
  };

  const sceneOptions = draft.scenes.map((s) => (
    <option key={s.id} value={s.id}>
      {s.name}
    </option>
  ));

  const field = (
    name: string,
    label: string,
    path: string,
    control: (id: string, invalid: ReturnType<typeof invalidProps>) => React.ReactNode,
  ) => {
    const fid = `${idBase}-${name}`;
    return (
      <div className="field">
        <label htmlFor={fid}>{label}</label>
        {control(fid, invalidProps(problems, path, `${fid}-error`))}
        <FieldProblems id={`${fid}-error`} problems={problems} path={path} />
      </div>
    );
  };

  return (
    <section className="panel preset-editor" aria-labelledby={`${idBase}-heading`} data-testid="preset-editor">
      <h3 id={`${idBase}-heading`} ref={headingRef} tabIndex={-1} className="preset-editor__heading">
        {t('presets.editor.heading', { name: original.name })}
      </h3>
      <p className="note">{t('presets.editor.intro')}</p>

      {problems.length > 0 && (
        <div
          ref={problemsRef}
          tabIndex={-1}
          role="alert"
          className="error-message preset-editor__problems"
          data-testid="editor-problems"
        >
          <p className="error-message__text">{t('presets.editor.problemsHeading')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={`${p.path}-${i}`} data-path={p.path}>
                {t('presets.editor.problem', { where: whereText(draft, p.path, t), what: whatText(p, t) })}
              </li>
            ))}
          </ul>
        </div>
      )}

      {field('name', t('presets.editor.presetName'), 'name', (fid, invalid) => (
        <input
          id={fid}
          type="text"
          maxLength={presetLimits.nameLength}
          value={draft.name}
          onChange={(e) => edit((p) => setPresetName(p, e.target.value))}
          {...invalid}
        />
      ))}
      {field('description', t('presets.editor.description'), 'description', (fid, invalid) => (
        <textarea
          id={fid}
          rows={2}
          maxLength={presetLimits.descriptionLength}
          value={draft.description ?? ''}
          onChange={(e) => edit((p) => setDescription(p, e.target.value))}
          {...invalid}
        />
      ))}

      {field('program-type', t('presets.editor.programType'), 'programType', (fid, invalid) => (
        <select
          id={fid}
          value={draft.programType ?? ''}
          onChange={(e) =>
            edit((p) => setProgramType(p, e.target.value === '' ? undefined : ProgramTypeSchema.parse(e.target.value)))
          }
          {...invalid}
        >
          <option value="">{t('presets.editor.none')}</option>
          {ProgramTypeSchema.options.map((type) => (
            <option key={type} value={type}>
              {t(`golive.checklist.programTypes.${type}`)}
            </option>
          ))}
        </select>
      ))}

      <fieldset className="preset-editor__group">
        <legend>{t('presets.editor.transitionHeading')}</legend>
        <div className="preset-editor__row">
          {field('transition-kind', t('presets.editor.transitionKind'), 'transition.kind', (fid) => (
            <select
              id={fid}
              value={draft.transition.kind}
              onChange={(e) => edit((p) => setTransition(p, { kind: e.target.value as 'fade' | 'cut' }))}
            >
              <option value="fade">{t('presets.editor.fade')}</option>
              <option value="cut">{t('presets.editor.cut')}</option>
            </select>
          ))}
          {field('transition-duration', t('presets.editor.duration'), 'transition.durationMs', (fid, invalid) => (
            <input
              id={fid}
              type="number"
              min={presetLimits.transitionMs.min}
              max={presetLimits.transitionMs.max}
              step={50}
              value={Number.isFinite(draft.transition.durationMs) ? draft.transition.durationMs : ''}
              onChange={(e) => edit((p) => setTransition(p, { durationMs: e.target.valueAsNumber }))}
              {...invalid}
            />
          ))}
        </div>
      </fieldset>

      <h4>{t('presets.editor.scenesHeading')}</h4>
      <p className="note">{t('presets.editor.scenesHint')}</p>
      <div className="preset-editor__row">
        {field('safe-scene', t('presets.editor.safeScene'), 'safeSceneId', (fid, invalid) => (
          <select
            id={fid}
            value={draft.safeSceneId}
            onChange={(e) => attempt((p) => setSafeScene(p, e.target.value))}
            {...invalid}
          >
            {sceneOptions}
          </select>
        ))}
        {field('starting-scene', t('presets.editor.startingScene'), 'startingSceneId', (fid, invalid) => (
          <select
            id={fid}
            value={draft.startingSceneId ?? ''}
            onChange={(e) => attempt((p) => setStartingScene(p, e.target.value || undefined))}
            {...invalid}
          >
            <option value="">{t('presets.editor.none')}</option>
            {sceneOptions}
          </select>
        ))}
        {field('closing-scene', t('presets.editor.closingScene'), 'closingSceneId', (fid, invalid) => (
          <select
            id={fid}
            value={draft.closingSceneId ?? ''}
            onChange={(e) => attempt((p) => setClosingScene(p, e.target.value || undefined))}
            {...invalid}
          >
            <option value="">{t('presets.editor.none')}</option>
            {sceneOptions}
          </select>
        ))}
      </div>
      {refusal && (
        <p role="status" className="preset-editor__error">
          {t(`presets.editor.refused.${refusal}`)}
        </p>
      )}
      <ol className="preset-editor__scenes">
        {draft.scenes.map((scene, index) => (
          <SceneEditor
            key={scene.id}
            preset={draft}
            scene={scene}
            index={index}
            problems={problems}
            idBase={idBase}
            edit={edit}
            attempt={attempt}
            onMoved={(sceneId, direction) => setFocusAfterMove({ sceneId, direction })}
          />
        ))}
      </ol>
      <fieldset className="preset-editor__group preset-editor__add">
        <legend>{t('presets.editor.addSceneHeading')}</legend>
        <div className="field">
          <label htmlFor={`${idBase}-kind`}>{t('presets.editor.sceneKind')}</label>
          <select id={`${idBase}-kind`} value={kind} onChange={(e) => setKind(e.target.value as SceneKind)}>
            {sceneKinds.map((k) => (
              <option key={k} value={k}>
                {t(`presets.editor.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => attempt((p) => addScene(p, kind, words))}
        >
          {t('presets.editor.addScene')}
        </button>
      </fieldset>

      {error && <ErrorMessage error={error} />}
      <div className="preset-actions preset-editor__footer">
        <button type="button" className="button button--primary" disabled={saving} onClick={() => void save()}>
          {saving ? t('presets.editor.saving') : t('presets.editor.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={cancel}>
          {t('presets.editor.cancel')}
        </button>
      </div>

      {pendingLeave && (
        <div
          role="alertdialog"
          aria-modal="false"
          aria-labelledby={`${idBase}-leave`}
          className="preset-confirm"
          data-testid="editor-leave"
        >
          <p id={`${idBase}-leave`}>{t('presets.editor.leaveTitle')}</p>
          <div className="preset-actions">
            <button type="button" className="button button--primary" onClick={confirmLeave}>
              {t('presets.editor.leaveDiscard')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              autoFocus
              onClick={cancelLeave}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  cancelLeave();
                }
              }}
            >
              {t('presets.editor.leaveStay')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
