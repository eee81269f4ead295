import { z } from 'zod';
import { AppErrorSchema } from './errors';

/** The app's link to OBS. Changed by socket events only, never by a click. */
export const ConnectionStatusSchema = z.enum(['disconnected', 'connecting', 'connected', 'reconnecting']);
export type ConnectionStatus = z.infer<typeof ConnectionStatusSchema>;

export const StreamStateSchema = z.enum(['offline', 'starting', 'live', 'stopping', 'reconnecting']);
export type StreamState = z.infer<typeof StreamStateSchema>;

export const RecordStateSchema = z.enum(['off', 'starting', 'recording', 'paused', 'stopping']);
export type RecordState = z.infer<typeof RecordStateSchema>;

export const ObsSceneSchema = z.object({
  name: z.string(),
  /** obs-websocket 5.4+ only. */
  uuid: z.string().optional(),
});
export type ObsScene = z.infer<typeof ObsSceneSchema>;

export const ObsInputSchema = z.object({
  name: z.string(),
  kind: z.string(),
  /** null when the input has no audio (GetInputMute fails for it). */
  muted: z.boolean().nullable(),
});
export type ObsInput = z.infer<typeof ObsInputSchema>;

export const ObsStateSchema = z.object({
  connection: z.object({
    status: ConnectionStatusSchema,
    address: z.string(),
    /** Why the last attempt failed or the link was lost; null while all is well. */
    error: AppErrorSchema.nullable(),
    /** False after a kick (4011), a wrong password or a malformed address: the user must act. */
    autoReconnect: z.boolean(),
    /** Epoch ms of the next automatic attempt, when one is scheduled. */
    nextAttemptAt: z.number().nullable(),
    /**
     * Present (true) while OBS has kept answering "not ready" (207) for over a second: it is
     * starting up or switching scene collections. Requests wait for it meanwhile.
     */
    obsLoading: z.literal(true).optional(),
  }),
  versions: z
    .object({
      obsVersion: z.string(),
      obsWebSocketVersion: z.string(),
      rpcVersion: z.number(),
      platform: z.string(),
    })
    .nullable(),
  scenes: z.array(ObsSceneSchema),
  programScene: z.string().nullable(),
  previewScene: z.string().nullable(),
  studioMode: z.boolean(),
  stream: z.object({ active: z.boolean(), state: StreamStateSchema }),
  record: z.object({ active: z.boolean(), state: RecordStateSchema }),
  inputs: z.array(ObsInputSchema),
});
export type ObsState = z.infer<typeof ObsStateSchema>;

export const emptyObsState = (address: string): ObsState => ({
  connection: { status: 'disconnected', address, error: null, autoReconnect: true, nextAttemptAt: null },
  versions: null,
  scenes: [],
  programScene: null,
  previewScene: null,
  studioMode: false,
  stream: { active: false, state: 'offline' },
  record: { active: false, state: 'off' },
  inputs: [],
});
