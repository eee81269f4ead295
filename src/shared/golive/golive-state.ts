import { z } from 'zod';
import { PlatformSchema } from '../destinations/platforms';
import { AppErrorSchema } from '../errors';
import { ProgramTypeSchema } from '../checklist/checklist-schema';

/**
 * The go-live state machine's state, as every side sees it. Phases change on OBS's events
 * (stream and record state in the mirror), never on a click:
 *   idle → starting → live → ending → ended
 *   starting → failed (OBS stopped the output, or no OUTPUT_STARTED before the deadline)
 *   idle → live (origin 'obs': started in OBS itself), live → ended (stopped in OBS itself)
 */
export const GoLivePhaseSchema = z.enum(['idle', 'starting', 'live', 'ending', 'ended', 'failed']);
export type GoLivePhase = z.infer<typeof GoLivePhaseSchema>;

export const BroadcastSchema = z.object({
  id: z.string(),
  /** 'app': started here; 'obs': noticed when OBS started streaming by itself. */
  origin: z.enum(['app', 'obs']),
  /** null: record-only rehearsal, or a stream started in OBS (destination unknown). */
  destinationId: z.string().nullable(),
  destinationName: z.string().nullable(),
  platform: PlatformSchema.nullable(),
  programType: ProgramTypeSchema.nullable(),
  rehearsal: z.boolean(),
  /** Streams to OBS's output; false for a record-only rehearsal. */
  streaming: z.boolean(),
  recording: z.boolean(),
  /** Epoch ms of the Go Live request (or of the noticed start). */
  requestedAt: z.number(),
  /** Epoch ms of OUTPUT_STARTED: elapsed time counts from here. */
  liveAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  /** 'app': ended here; 'obs': stopped in OBS itself (or OBS went away). */
  endedBy: z.enum(['app', 'obs']).nullable(),
  /** Go Live despite failing required items: why, kept for the log. */
  overrideReason: z.string().nullable(),
  /** Required items that did not pass at Go Live (ids). */
  overridden: z.array(z.string()),
  /** The broadcast log's entry of this stream, once the log opened one; a record-only rehearsal has none. */
  logEntryId: z.string().nullable(),
});
export type Broadcast = z.infer<typeof BroadcastSchema>;

export const AfterItemSchema = z.object({
  kind: z.enum(['deleteRecording', 'publisherReports', 'captions', 'checkOffline']),
  /** YYYY-MM-DD, when the item has one. */
  dueDate: z.string().nullable(),
});
export type AfterItem = z.infer<typeof AfterItemSchema>;

export const AfterPlanSchema = z
  .object({
    /** The recording (or the platform's video of the stream) stays online. */
    keepOnline: z.boolean(),
    /** When the recording must be deleted by (publisher permissions); null: not set. */
    deleteBy: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
  })
  .strict();
export type AfterPlan = z.infer<typeof AfterPlanSchema>;

export const GoLiveStateSchema = z.object({
  phase: GoLivePhaseSchema,
  broadcast: BroadcastSchema.nullable(),
  /** Why the last start failed (failed phase) or ending did not confirm; null otherwise. */
  error: AppErrorSchema.nullable(),
  afterPlan: AfterPlanSchema.nullable(),
  /** The after-broadcast list, once ended. */
  after: z.array(AfterItemSchema),
});
export type GoLiveState = z.infer<typeof GoLiveStateSchema>;

export const idleGoLiveState: GoLiveState = { phase: 'idle', broadcast: null, error: null, afterPlan: null, after: [] };
