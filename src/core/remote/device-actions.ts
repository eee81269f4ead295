import type { RemoteActionKind } from '../../shared/broadcast-log/entry-schema';
import type { RequestName } from '../../shared/api-contract';

/** What the broadcast log writes down for a device's request, once it succeeded; null: nothing. */
export function deviceActionOf(
  name: RequestName,
  params: unknown,
  result: unknown,
  previewScene: string | null,
): { action: RemoteActionKind; target?: string } | null {
  const p = (params ?? {}) as Record<string, unknown>;
  const r = (result ?? {}) as Record<string, unknown>;
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const withTarget = (action: RemoteActionKind, target: string | undefined) =>
    target === undefined ? { action } : { action, target };
  switch (name) {
    case 'live.selectScene':
    case 'obs.switchScene':
      return withTarget('scene', text(p.sceneName));
    case 'live.take':
      return withTarget('take', previewScene ?? undefined);
    case 'live.setMute':
      return withTarget(p.muted === true ? 'mic-off' : 'mic-on', text(p.inputName));
    case 'live.toggleMainMic':
      return withTarget(r.muted === true ? 'mic-off' : 'mic-on', text(r.inputName));
    case 'live.privacyCut':
      return { action: 'privacy-on' };
    case 'live.privacyRestore':
      return { action: 'privacy-off' };
    case 'presets.setDetails':
      return { action: 'texts' };
    case 'golive.end':
      return { action: 'end' };
    default:
      return null;
  }
}

/** The scene a device's request is about to put on air (logged as that device's switch). */
export function sceneSwitchOf(name: RequestName, params: unknown, previewScene: string | null): string | null {
  const p = (params ?? {}) as Record<string, unknown>;
  if (name === 'live.selectScene' || name === 'obs.switchScene')
    return typeof p.sceneName === 'string' ? p.sceneName : null;
  if (name === 'live.take') return previewScene;
  return null;
}
