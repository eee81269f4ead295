import type { SourceRole } from '../../shared/presets/preset-schema';

/**
 * Which OBS input kind plays each role, per operating system. OBS names the same thing
 * differently on Linux, Windows and macOS; the first kind this OBS offers wins, the
 * platform's own first (GetVersion.platform: "linux", "windows", "macos").
 */
const kindsByRole: Record<SourceRole, Record<string, string[]>> = {
  camera: { linux: ['v4l2_input'], windows: ['dshow_input'], macos: ['av_capture_input_v2', 'av_capture_input'] },
  microphone: { linux: ['pulse_input_capture'], windows: ['wasapi_input_capture'], macos: ['coreaudio_input_capture'] },
  text: {
    linux: ['text_ft2_source_v2'],
    windows: ['text_gdiplus_v3', 'text_gdiplus_v2'],
    macos: ['text_ft2_source_v2'],
  },
  color: { any: ['color_source_v3', 'color_source_v2'] },
  image: { any: ['image_source'] },
  media: { any: ['ffmpeg_source'] },
};

export function pickInputKind(role: SourceRole, platform: string, available: ReadonlySet<string>): string | null {
  const table = kindsByRole[role];
  const own = table[platform] ?? [];
  const rest = Object.entries(table)
    .filter(([os]) => os !== platform)
    .flatMap(([, kinds]) => kinds);
  return [...own, ...rest].find((kind) => available.has(kind)) ?? null;
}

/** The list property that holds the device, per kind (GetInputPropertiesListPropertyItems). */
export function devicePropertyOf(kind: string): string | null {
  switch (kind) {
    case 'v4l2_input':
    case 'pulse_input_capture':
    case 'wasapi_input_capture':
    case 'coreaudio_input_capture':
      return 'device_id';
    case 'dshow_input':
      return 'video_device_id';
    case 'av_capture_input':
    case 'av_capture_input_v2':
      return 'device';
    default:
      return null;
  }
}

/** #RRGGBB to OBS's 0xAABBGGRR (opaque), as an unsigned number. */
export function obsColor(hex: string): number {
  const rgb = Number.parseInt(hex.slice(1), 16);
  const r = (rgb >> 16) & 0xff;
  const g = (rgb >> 8) & 0xff;
  const b = rgb & 0xff;
  return (0xff000000 | (b << 16) | (g << 8) | r) >>> 0;
}

export interface TextLook {
  text: string;
  color: string;
  size: number;
}

/** Settings for a text input of `kind` (FreeType 2 on Linux/macOS, GDI+ on Windows). */
export function textSettings(kind: string, look: TextLook): Record<string, unknown> {
  if (kind.startsWith('text_gdiplus')) {
    return {
      text: look.text,
      font: { face: 'Arial', size: look.size, style: 'Regular', flags: 0 },
      color: obsColor(look.color),
      align: 'center',
    };
  }
  const color = obsColor(look.color);
  return {
    text: look.text,
    font: { face: 'Sans Serif', size: look.size, style: 'Regular', flags: 0 },
    color1: color,
    color2: color,
  };
}

/** The settings that carry a text, so a detail change can update just that (overlay). */
export function textOnly(kind: string, text: string): Record<string, unknown> {
  void kind; // both text kinds keep their text in `text`
  return { text };
}
