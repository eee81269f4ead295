import type { TFunction } from 'i18next';
import type { Preset } from '../../../../shared/presets/preset-schema';
import type { DraftProblem } from '../../../lib/preset-editing';

const sourceFields = new Set(['label', 'text', 'color', 'size', 'file', 'slot', 'loop']);

/** "scenes.1.items.2.layout" → "Scen 2 (Läsare) › Källa 3 (Kamera läsare) › Placering", in the UI language. */
export function whereText(preset: Preset, path: string, t: TFunction): string {
  const parts = path.split('.');
  const out: string[] = [];
  const [head, index, ...rest] = parts;
  if (head === 'scenes' && index !== undefined) {
    const i = Number(index);
    const name = preset.scenes[i]?.name.trim();
    out.push(
      name
        ? t('presets.editor.where.scene', { number: i + 1, name })
        : t('presets.editor.where.sceneUnnamed', { number: i + 1 }),
    );
    const [field, j] = rest;
    if (field === 'name') out.push(t('presets.editor.where.name'));
    else if (field === 'liveMics') out.push(t('presets.editor.where.liveMics'));
    else if (field === 'items' && j !== undefined) {
      const item = preset.scenes[i]?.items[Number(j)];
      const label = preset.sources.find((s) => s.id === item?.source)?.label ?? item?.source ?? '';
      out.push(t('presets.editor.where.source', { label }));
      if (rest[2] === 'layout') out.push(t('presets.editor.where.layout'));
    }
  } else if (head === 'sources' && index !== undefined) {
    const source = preset.sources[Number(index)];
    out.push(t('presets.editor.where.source', { label: source?.label ?? index }));
    const field = rest[0];
    if (field && sourceFields.has(field)) out.push(fieldLabel(field, source?.role, t));
  } else if (head === 'name') out.push(t('presets.editor.where.name'));
  else if (head === 'description') out.push(t('presets.editor.where.description'));
  else if (head === 'transition') out.push(t('presets.editor.where.transition'));
  else if (head === 'safeSceneId') out.push(t('presets.editor.where.safeScene'));
  else if (head === 'startingSceneId') out.push(t('presets.editor.where.startingScene'));
  else if (head === 'closingSceneId') out.push(t('presets.editor.where.closingScene'));
  else if (head === 'programType') out.push(t('presets.editor.where.programType'));
  else out.push(t('presets.editor.where.preset'));
  return out.join(' › ');
}

function fieldLabel(field: string, role: string | undefined, t: TFunction): string {
  switch (field) {
    case 'label':
      return t('presets.editor.label');
    case 'text':
      return t('presets.editor.text');
    case 'color':
      return role === 'text' ? t('presets.editor.textColor') : t('presets.editor.color');
    case 'size':
      return t('presets.editor.textSize');
    case 'file':
      return t('presets.editor.file');
    case 'loop':
      return t('presets.editor.loop');
    default:
      return t('presets.editor.slot');
  }
}

export const whatText = (problem: DraftProblem, t: TFunction): string =>
  t(`presets.editor.what.${problem.code}`, problem.params);
