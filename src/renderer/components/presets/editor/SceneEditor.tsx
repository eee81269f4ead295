import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { presetLimits, type Preset, type PresetScene, type SourceRole } from '../../../../shared/presets/preset-schema';
import {
  addSourceToScene,
  canRemoveScene,
  moveScene,
  problemsAt,
  removeScene,
  renameScene,
  scenePath,
  setLiveMic,
  sourceRoles,
  type DraftProblem,
  type EditResult,
  type RoleLabels,
} from '../../../lib/preset-editing';
import { FieldProblems, invalidProps } from './FieldProblems';
import { LayoutPreview } from './LayoutPreview';
import { SourceEditor } from './SourceEditor';

interface Props {
  preset: Preset;
  scene: PresetScene;
  index: number;
  problems: DraftProblem[];
  idBase: string;
  edit: (change: (preset: Preset) => Preset) => void;
  attempt: (change: (preset: Preset) => EditResult) => void;
  /** After a move, the button that moved the scene keeps the focus. */
  onMoved: (sceneId: string, direction: -1 | 1) => void;
}

/** One scene: name, order, removal, live microphones, and its sources with their places. */
export function SceneEditor({ preset, scene, index, problems, idBase, edit, attempt, onMoved }: Props) {
  const { t } = useTranslation();
  const [role, setRole] = useState<SourceRole>('text');
  const id = `${idBase}-scene-${scene.id}`;
  const path = scenePath(preset, scene.id);
  const removeRefusal = canRemoveScene(preset, scene.id);
  const mics = preset.sources.filter((s) => s.role === 'microphone');
  const roleLabels = Object.fromEntries(sourceRoles.map((r) => [r, t(`presets.editor.role.${r}`)])) as RoleLabels;
  const hasProblems = problemsAt(problems, path).length > 0;
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (hasProblems) setOpen(true);
  }, [hasProblems]);
  const move = (direction: -1 | 1) => {
    edit((p) => moveScene(p, scene.id, direction));
    onMoved(scene.id, direction);
  };

  return (
    <li className="preset-editor__scene" data-testid={`scene-editor-${scene.id}`}>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary id={`${id}-summary`}>
          {t('presets.editor.sceneNumber', { number: index + 1, name: scene.name })}
        </summary>
        <div className="preset-editor__scene-body">
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('presets.editor.sceneName')}</label>
            <input
              id={`${id}-name`}
              type="text"
              maxLength={presetLimits.nameLength}
              value={scene.name}
              onChange={(e) => edit((p) => renameScene(p, scene.id, e.target.value))}
              {...invalidProps(problems, `${path}.name`, `${id}-name-error`)}
            />
            <FieldProblems id={`${id}-name-error`} problems={problems} path={`${path}.name`} />
          </div>
          <div className="preset-actions">
            <button
              type="button"
              id={`${id}-up`}
              className="button button--secondary"
              aria-label={t('presets.editor.moveUp', { name: scene.name })}
              disabled={index === 0}
              onClick={() => move(-1)}
            >
              <span aria-hidden="true">↑</span> {t('presets.editor.moveUpShort')}
            </button>
            <button
              type="button"
              id={`${id}-down`}
              className="button button--secondary"
              aria-label={t('presets.editor.moveDown', { name: scene.name })}
              disabled={index === preset.scenes.length - 1}
              onClick={() => move(1)}
            >
              <span aria-hidden="true">↓</span> {t('presets.editor.moveDownShort')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              aria-label={t('presets.editor.removeScene', { name: scene.name })}
              disabled={removeRefusal !== null}
              aria-describedby={removeRefusal ? `${id}-remove-note` : undefined}
              onClick={() => attempt((p) => removeScene(p, scene.id))}
            >
              {t('presets.editor.removeSceneShort')}
            </button>
          </div>
          {removeRefusal && removeRefusal !== 'notFound' && (
            <p id={`${id}-remove-note`} className="note">
              {removeRefusal === 'safeScene'
                ? t('presets.editor.isSafeScene')
                : t(`presets.editor.refused.${removeRefusal}`)}
            </p>
          )}

          <fieldset className="preset-editor__mics">
            <legend>{t('presets.editor.micsHeading')}</legend>
            {mics.length === 0 && <p className="note">{t('presets.editor.noMics')}</p>}
            {mics.map((mic) => (
              <div className="field field--check" key={mic.id}>
                <input
                  id={`${id}-mic-${mic.id}`}
                  type="checkbox"
                  checked={scene.liveMics.includes(mic.id)}
                  onChange={(e) => edit((p) => setLiveMic(p, scene.id, mic.id, e.target.checked))}
                />
                <label htmlFor={`${id}-mic-${mic.id}`}>{mic.label}</label>
              </div>
            ))}
            <FieldProblems id={`${id}-mics-error`} problems={problems} path={`${path}.liveMics`} />
          </fieldset>

          <LayoutPreview preset={preset} scene={scene} />

          <h5>{t('presets.editor.sourcesHeading')}</h5>
          <ol className="preset-editor__sources">
            {scene.items.map((item) => (
              <SourceEditor
                key={item.source}
                preset={preset}
                scene={scene}
                item={item}
                problems={problems}
                idBase={id}
                edit={edit}
              />
            ))}
          </ol>
          <FieldProblems
            id={`${id}-items-error`}
            problems={problems.filter((p) => p.path === `${path}.items`)}
            path={`${path}.items`}
          />
          <div className="preset-editor__add">
            <div className="field">
              <label htmlFor={`${id}-role`}>{t('presets.editor.addSourceRole')}</label>
              <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as SourceRole)}>
                {sourceRoles.map((r) => (
                  <option key={r} value={r}>
                    {roleLabels[r]}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => attempt((p) => addSourceToScene(p, scene.id, role, roleLabels))}
            >
              {t('presets.editor.addSource')}
            </button>
          </div>
        </div>
      </details>
    </li>
  );
}
