import { z } from 'zod';

/**
 * How the app knows what in OBS is its own (OBS 29 / obs-websocket 5.1 has no UUIDs):
 * - every input it creates carries a marker in its settings, `bibblanLive: {presetId, key}`;
 *   OBS keeps unknown settings keys and saves them with the scene collection, so the marker
 *   survives restarts and renames. An input without our marker is never changed.
 * - scenes cannot carry settings over obs-websocket, so the names of the scenes the app
 *   creates are recorded per preset in the presets store, before the request that creates
 *   them is sent (an interrupted apply still knows its scenes). A new scene only ever gets
 *   a name nothing in OBS has, so a recorded name that exists is ours. A recorded scene
 *   that is gone is looked for by its content: the one scene holding exactly the preset's
 *   marked inputs for it is ours, renamed (re-linked, not duplicated).
 */
export const MARKER_KEY = 'bibblanLive';

export const MarkerSchema = z.object({ presetId: z.string(), key: z.string() });
export type Marker = z.infer<typeof MarkerSchema>;

export const markerOf = (settings: Record<string, unknown>): Marker | null => {
  const parsed = MarkerSchema.safeParse(settings[MARKER_KEY]);
  return parsed.success ? parsed.data : null;
};

export const OwnershipSchema = z.object({
  /** Preset scene id → the OBS scene name the app created for it. */
  scenes: z.record(z.string(), z.string()),
  /** Input key (source id, or source id + placeholder suffix) → the OBS input name. */
  inputs: z.record(z.string(), z.string()),
});
export type Ownership = z.infer<typeof OwnershipSchema>;

export const emptyOwnership = (): Ownership => ({ scenes: {}, inputs: {} });
