import { useTranslation } from 'react-i18next';
import {
  presetLimits,
  type Preset,
  type PresetScene,
  type PresetSceneItem,
} from '../../../../shared/presets/preset-schema';
import {
  itemPath,
  layoutToPercent,
  percentToLayout,
  removeSourceFromScene,
  scenesUsing,
  setItemLayout,
  sourceById,
  sourcePath,
  templatePlaceholders,
  updateSource,
  type DraftProblem,
  type PercentLayout,
} from '../../../lib/preset-editing';
import { FieldProblems, invalidProps } from './FieldProblems';

interface Props {
  preset: Preset;
  scene: PresetScene;
  item: PresetSceneItem;
  problems: DraftProblem[];
  idBase: string;
  edit: (change: (preset: Preset) => Preset) => void;
}

const layoutKeys: (keyof PercentLayout)[] = ['x', 'y', 'w', 'h'];

/** One source in a scene: its own fields (shared by every scene that shows it) and its place here. */
export function SourceEditor({ preset, scene, item, problems, idBase, edit }: Props) {
  const { t } = useTranslation();
  const source = sourceById(preset, item.source);
  if (!source) return null;
  const id = `${idBase}-${source.id}`;
  const sPath = sourcePath(preset, source.id);
  const iPath = itemPath(preset, scene.id, source.id);
  const used = scenesUsing(preset, source.id);
  const change = (patch: Record<string, unknown>) => edit((p) => updateSource(p, source.id, patch));
  const field = (
    name: string,
    label: string,
    control: (props: { id: string; invalid: ReturnType<typeof invalidProps> }) => React.ReactNode,
    hint?: string,
  ) => {
    const fieldId = `${id}-${name}`;
    const path = `${sPath}.${name}`;
    return (
      <div className="field">
        <label htmlFor={fieldId}>{label}</label>
        {control({ id: fieldId, invalid: invalidProps(problems, path, `${fieldId}-error`) })}
        {hint && <p className="field__hint">{hint}</p>}
        <FieldProblems id={`${fieldId}-error`} problems={problems} path={path} />
      </div>
    );
  };

  return (
    <li className="preset-editor__source" data-testid={`source-${source.id}`} aria-labelledby={`${id}-title`}>
      <h6 id={`${id}-title`} className="preset-editor__source-title">
        {t('presets.editor.sourceTitle', { role: t(`presets.editor.role.${source.role}`), label: source.label })}
      </h6>
      {used > 1 && <p className="note">{t('presets.editor.sharedSource', { count: used })}</p>}
      {field('label', t('presets.editor.label'), ({ id: fid, invalid }) => (
        <input
          id={fid}
          type="text"
          maxLength={presetLimits.nameLength}
          value={source.label}
          onChange={(e) => change({ label: e.target.value })}
          {...invalid}
        />
      ))}
      {source.role === 'text' && (
        <>
          {field(
            'text',
            t('presets.editor.text'),
            ({ id: fid, invalid }) => (
              <textarea
                id={fid}
                rows={3}
                maxLength={presetLimits.templateLength}
                value={source.text}
                onChange={(e) => change({ text: e.target.value })}
                {...invalid}
              />
            ),
            t('presets.editor.placeholders', {
              list: templatePlaceholders.map((k) => `{{${k}}}`).join(', '),
              interpolation: { escapeValue: false },
            }),
          )}
          <div className="preset-editor__row">
            {field('color', t('presets.editor.textColor'), ({ id: fid, invalid }) => (
              <input
                id={fid}
                type="color"
                value={source.color}
                onChange={(e) => change({ color: e.target.value })}
                {...invalid}
              />
            ))}
            {field('size', t('presets.editor.textSize'), ({ id: fid, invalid }) => (
              <input
                id={fid}
                type="number"
                min={presetLimits.textSize.min}
                max={presetLimits.textSize.max}
                step={1}
                value={Number.isFinite(source.size) ? source.size : ''}
                onChange={(e) => change({ size: e.target.valueAsNumber })}
                {...invalid}
              />
            ))}
          </div>
        </>
      )}
      {source.role === 'color' &&
        field('color', t('presets.editor.color'), ({ id: fid, invalid }) => (
          <input
            id={fid}
            type="color"
            value={source.color}
            onChange={(e) => change({ color: e.target.value })}
            {...invalid}
          />
        ))}
      {(source.role === 'image' || source.role === 'media') &&
        field('file', t('presets.editor.file'), ({ id: fid, invalid }) => (
          <input
            id={fid}
            type="text"
            maxLength={presetLimits.fileLength}
            value={source.file}
            onChange={(e) => change({ file: e.target.value })}
            {...invalid}
          />
        ))}
      {source.role === 'media' && (
        <div className="field field--check">
          <input
            id={`${id}-loop`}
            type="checkbox"
            checked={source.loop}
            onChange={(e) => change({ loop: e.target.checked })}
          />
          <label htmlFor={`${id}-loop`}>{t('presets.editor.loop')}</label>
        </div>
      )}
      {(source.role === 'camera' || source.role === 'microphone') &&
        field('slot', t('presets.editor.slot'), ({ id: fid }) => (
          <select id={fid} value={source.slot} onChange={(e) => change({ slot: Number(e.target.value) })}>
            {(source.role === 'camera' ? [1, 2, 3] : [1, 2]).map((slot) => (
              <option key={slot} value={slot}>
                {t(source.role === 'camera' ? 'presets.editor.cameraSlot' : 'presets.editor.micSlot', { slot })}
              </option>
            ))}
          </select>
        ))}
      {item.layout && (
        <fieldset className="preset-editor__layout">
          <legend>{t('presets.editor.layoutHeading')}</legend>
          <div className="preset-editor__row">
            {layoutKeys.map((key) => {
              const percent = layoutToPercent(item.layout!);
              const fid = `${id}-layout-${key}`;
              const path = `${iPath}.layout`;
              return (
                <div className="field preset-editor__number" key={key}>
                  <label htmlFor={fid}>{t(`presets.editor.${key}`)}</label>
                  <input
                    id={fid}
                    type="number"
                    min={0}
                    max={100}
                    step={0.5}
                    inputMode="decimal"
                    value={Number.isFinite(percent[key]) ? percent[key] : ''}
                    onChange={(e) => {
                      const next = { ...percent, [key]: e.target.valueAsNumber };
                      edit((p) => setItemLayout(p, scene.id, source.id, percentToLayout(next)));
                    }}
                    {...invalidProps(problems, path, `${id}-layout-error`)}
                  />
                </div>
              );
            })}
          </div>
          <FieldProblems id={`${id}-layout-error`} problems={problems} path={`${iPath}.layout`} />
        </fieldset>
      )}
      <FieldProblems
        id={`${id}-item-error`}
        problems={problems.filter((p) => !p.path.startsWith(`${iPath}.layout`))}
        path={iPath}
      />
      <button
        type="button"
        className="button button--secondary"
        onClick={() => edit((p) => removeSourceFromScene(p, scene.id, source.id))}
      >
        {t('presets.editor.removeSource', { label: source.label })}
      </button>
    </li>
  );
}
