import { z } from 'zod';

/**
 * How the app knows what in OBS is its own:
 * - every input it creates carries a marker in its settings, `bibblanLive: {presetId, key}`;
 *   OBS keeps unknown settings keys and saves them with the scene collection, so the marker
 *   survives restarts and renames. An input without our marker is never changed.
 * - scenes cannot carry settings over obs-websocket, so the scenes the app creates are
 *   recorded per preset in the presets store: by name before the request that creates them
 *   is sent (an interrupted apply still knows its scenes), and with OBS's UUID once OBS
 *   answered (obs-websocket 5.4+; 5.1 has none).
 * - A recorded UUID is the scene's identity: the scene with it is ours whatever its name, and
 *   when no scene has it the scene was deleted — one made by hand under our name is not ours.
 * - Without a UUID (OBS 29, or a record from before UUIDs) the name decides: a new scene only
 *   ever gets a name nothing in OBS has, so a recorded name that exists is ours. A recorded
 *   scene that is gone is looked for by its content: the one scene holding exactly the
 *   preset's marked inputs for it is ours, renamed (re-linked, not duplicated).
 */
export const MARKER_KEY = 'bibblanLive';

export const MarkerSchema = z.object({ presetId: z.string(), key: z.string() });
export type Marker = z.infer<typeof MarkerSchema>;

export const markerOf = (settings: Record<string, unknown>): Marker | null => {
  const parsed = MarkerSchema.safeParse(settings[MARKER_KEY]);
  return parsed.success ? parsed.data : null;
};

/** A scene or input the app made: its last known name, and OBS's UUID where OBS has them. */
export const OwnedSchema = z.object({ name: z.string(), uuid: z.string().min(1).optional() });
export type Owned = z.infer<typeof OwnedSchema>;

/** presets.json before UUIDs held names only ("id": "name"): read as `{ name }`. */
const OwnedEntrySchema = z.union([z.string().transform((name): Owned => ({ name })), OwnedSchema]);

export const OwnershipSchema = z.object({
  /** Preset scene id → the OBS scene the app created for it. */
  scenes: z.record(z.string(), OwnedEntrySchema),
  /** Input key (source id, or source id + placeholder suffix) → the OBS input. */
  inputs: z.record(z.string(), OwnedEntrySchema),
});
export type Ownership = z.output<typeof OwnershipSchema>;

export const emptyOwnership = (): Ownership => ({ scenes: {}, inputs: {} });

/** The recorded name of a scene or input, or null. */
export const ownedName = (record: Record<string, Owned>, id: string | undefined): string | null =>
  id === undefined ? null : (record[id]?.name ?? null);

/**
 * The record in OBS's current scene names, from the mirror: a scene renamed in OBS is followed
 * by its UUID, and one whose UUID OBS no longer has is left out (deleted; a scene made by hand
 * under its name is not ours). Without UUIDs (OBS 29) the recorded names stay.
 */
export function withCurrentSceneNames(
  ownership: Ownership,
  scenes: readonly { name: string; uuid?: string }[],
): Ownership {
  const byUuid = new Map(scenes.flatMap((s) => (s.uuid ? [[s.uuid, s.name] as const] : [])));
  if (byUuid.size === 0) return ownership;
  const followed: Record<string, Owned> = {};
  for (const [id, owned] of Object.entries(ownership.scenes)) {
    if (!owned.uuid) followed[id] = owned;
    else if (byUuid.has(owned.uuid)) followed[id] = { ...owned, name: byUuid.get(owned.uuid)! };
  }
  return { ...ownership, scenes: followed };
}
