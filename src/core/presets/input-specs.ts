import { fillTemplate, type DeviceChoice, type Details, type TextLanguage } from '../../shared/presets/preset-details';
import type { PlanWarning } from '../../shared/presets/preset-plan';
import type { Preset, PresetSource, SourceRole } from '../../shared/presets/preset-schema';
import { devicePropertyOf, obsColor, pickInputKind, textSettings } from './input-kinds';
import { MARKER_KEY } from './ownership';

/** One input the preset wants in OBS: a preset source, or the placeholder of a camera. */
export interface InputSpec {
  key: string;
  role: SourceRole;
  kind: string;
  /** Suffix of the OBS name ("Sagostund · <label>"). */
  label: string;
  /** Marker included; compared as a subset with what OBS has. */
  settings: Record<string, unknown>;
  /** For text inputs: the settings a detail change rewrites. */
  isText: boolean;
  deviceSlot: keyof DeviceChoice | null;
}

const placeholderWords = {
  sv: {
    background: 'platshållare',
    text: 'platshållartext',
    camera: 'Kamera saknas',
    cameraLabel: '{{label}}: kamera saknas',
  },
  en: {
    background: 'placeholder',
    text: 'placeholder text',
    camera: 'Camera missing',
    cameraLabel: '{{label}}: camera missing',
  },
} as const;

export const placeholderKeys = (sourceId: string) => ({
  background: `${sourceId}--placeholder`,
  text: `${sourceId}--placeholder-text`,
});

interface Context {
  preset: Preset;
  details: Details;
  devices: DeviceChoice;
  language: TextLanguage;
  platform: string;
  kinds: ReadonlySet<string>;
  canvas: { width: number; height: number };
}

/**
 * The inputs for one preset source, bottom first. A camera always gets a visible
 * placeholder underneath (dark box with "Camera missing"): with a working camera it is
 * covered, without one it shows — so the scene is never silently black, and applying
 * stays the same request list whatever devices come and go.
 */
export function specsFor(source: PresetSource, ctx: Context, warnings: PlanWarning[]): InputSpec[] {
  const marker = (key: string) => ({ [MARKER_KEY]: { presetId: ctx.preset.id, key } });
  const kind = pickInputKind(source.role, ctx.platform, ctx.kinds);
  const words = placeholderWords[ctx.language];
  const base = { label: source.label, isText: false, deviceSlot: null };
  switch (source.role) {
    case 'camera': {
      const keys = placeholderKeys(source.id);
      const specs: InputSpec[] = [];
      const colorKind = pickInputKind('color', ctx.platform, ctx.kinds);
      const textKind = pickInputKind('text', ctx.platform, ctx.kinds);
      if (colorKind) {
        specs.push({
          ...base,
          key: keys.background,
          role: 'color',
          kind: colorKind,
          label: `${source.label} – ${words.background}`,
          settings: {
            color: obsColor('#333333'),
            width: ctx.canvas.width,
            height: ctx.canvas.height,
            ...marker(keys.background),
          },
        });
      }
      if (textKind) {
        const look = { text: words.cameraLabel.replace('{{label}}', source.label), color: '#ffffff', size: 48 };
        specs.push({
          ...base,
          key: keys.text,
          role: 'text',
          kind: textKind,
          label: `${source.label} – ${words.text}`,
          settings: { ...textSettings(textKind, look), ...marker(keys.text) },
        });
      }
      if (!kind) {
        warnings.push({ code: 'cameraKindMissing', params: { source: source.label } });
        return specs;
      }
      const slot = `camera${source.slot}` as keyof DeviceChoice;
      specs.push({
        ...base,
        key: source.id,
        role: 'camera',
        kind,
        deviceSlot: slot,
        settings: { ...deviceSetting(kind, ctx.devices[slot]), ...marker(source.id) },
      });
      return specs;
    }
    case 'microphone': {
      if (!kind) {
        warnings.push({ code: 'micKindMissing', params: { source: source.label } });
        return [];
      }
      const slot = `microphone${source.slot}` as keyof DeviceChoice;
      return [
        {
          ...base,
          key: source.id,
          role: 'microphone',
          kind,
          deviceSlot: slot,
          settings: { ...deviceSetting(kind, ctx.devices[slot]), ...marker(source.id) },
        },
      ];
    }
    case 'text': {
      if (!kind) {
        warnings.push({ code: 'textKindMissing', params: { source: source.label } });
        return [];
      }
      const look = {
        text: fillTemplate(source.text, ctx.details, ctx.language),
        color: source.color,
        size: source.size,
      };
      return [
        {
          ...base,
          key: source.id,
          role: 'text',
          kind,
          isText: true,
          settings: { ...textSettings(kind, look), ...marker(source.id) },
        },
      ];
    }
    case 'color':
    case 'image':
    case 'media': {
      if (!kind) {
        warnings.push({ code: 'sourceKindMissing', params: { source: source.label } });
        return [];
      }
      const settings =
        source.role === 'color'
          ? { color: obsColor(source.color), width: ctx.canvas.width, height: ctx.canvas.height }
          : source.role === 'image'
            ? { file: source.file }
            : { local_file: source.file, is_local_file: true, looping: source.loop };
      return [{ ...base, key: source.id, role: source.role, kind, settings: { ...settings, ...marker(source.id) } }];
    }
  }
}

function deviceSetting(kind: string, device: string | undefined): Record<string, unknown> {
  const property = devicePropertyOf(kind);
  // No choice yet: leave OBS's default device in place rather than guess.
  return property && device ? { [property]: device } : {};
}
