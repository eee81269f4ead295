import type { Layout, SourceRole } from '../../shared/presets/preset-schema';

/** OBS_ALIGN_TOP | OBS_ALIGN_LEFT: positions are the item's top-left corner. */
const TOP_LEFT = 5;

/** A layout in canvas fractions to OBS pixels; colours stretch, everything else keeps its aspect. */
export function transformFor(
  layout: Layout,
  role: SourceRole,
  canvas: { width: number; height: number },
): Record<string, number | string> {
  return {
    positionX: Math.round(layout.x * canvas.width),
    positionY: Math.round(layout.y * canvas.height),
    alignment: TOP_LEFT,
    boundsType: role === 'color' ? 'OBS_BOUNDS_STRETCH' : 'OBS_BOUNDS_SCALE_INNER',
    boundsWidth: Math.max(1, Math.round(layout.w * canvas.width)),
    boundsHeight: Math.max(1, Math.round(layout.h * canvas.height)),
    boundsAlignment: 0,
  };
}

/**
 * Whether everything in `wanted` is already in `actual` (extra keys in `actual` are fine:
 * OBS adds defaults). Numbers compare with a small tolerance, since OBS stores floats.
 */
export function isSubset(wanted: unknown, actual: unknown): boolean {
  if (typeof wanted === 'number') return typeof actual === 'number' && Math.abs(wanted - actual) < 0.5;
  if (wanted === null || typeof wanted !== 'object') return wanted === actual;
  if (actual === null || typeof actual !== 'object') return false;
  if (Array.isArray(wanted)) {
    return Array.isArray(actual) && wanted.length === actual.length && wanted.every((w, i) => isSubset(w, actual[i]));
  }
  const a = actual as Record<string, unknown>;
  return Object.entries(wanted as Record<string, unknown>).every(([key, value]) => isSubset(value, a[key]));
}
