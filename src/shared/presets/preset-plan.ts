import { z } from 'zod';

/**
 * What applying a preset will do (the plan) and what it did (the result), as the UI shows
 * them. Names are OBS's names; counts are what the preset benchmark (scripts/bench/preset-apply.ts) reads.
 */
/** Where an apply is, as the progress event tells the UI. */
export const ApplyPhaseSchema = z.enum(['reading', 'applying', 'checking', 'done']);
export type ApplyPhase = z.infer<typeof ApplyPhaseSchema>;

export const PlanStepSchema = z.object({
  action: z.enum(['create', 'update', 'keep']),
  target: z.enum(['scene', 'input', 'item', 'transition']),
  /** The scene's, input's or transition's name in OBS. */
  name: z.string(),
  /** For items: the scene they are in. */
  scene: z.string().optional(),
});
export type PlanStep = z.infer<typeof PlanStepSchema>;

export const planWarningCodes = [
  /** No camera input kind on this OS/OBS: a placeholder shows instead. */
  'cameraKindMissing',
  /** OBS lists no camera device: the placeholder shows until one is connected and chosen. */
  'cameraNotFound',
  'micKindMissing',
  'micNotFound',
  'textKindMissing',
  'sourceKindMissing',
  /** A scene or source name is used by something of the user's: ours gets another name. */
  'nameTaken',
  /** An owned scene renamed in OBS was found again by its sources. */
  'relinked',
  /** The chosen device is not in OBS's list any more. */
  'deviceGone',
] as const;
export const PlanWarningSchema = z.object({
  code: z.enum(planWarningCodes),
  params: z.record(z.string(), z.string()),
});
export type PlanWarning = z.infer<typeof PlanWarningSchema>;

export const DeviceOptionSchema = z.object({ value: z.string(), name: z.string() });
export type DeviceOption = z.infer<typeof DeviceOptionSchema>;

export const PlanSceneSchema = z.object({
  id: z.string(),
  obsName: z.string(),
  status: z.enum(['create', 'keep', 'relink']),
});

export const PlanSchema = z.object({
  presetId: z.string(),
  scenes: z.array(PlanSceneSchema),
  steps: z.array(PlanStepSchema),
  warnings: z.array(PlanWarningSchema),
  /** Requests that would change OBS; 0 means OBS already matches. */
  mutations: z.number().int(),
  /** OBS's device lists, where an input of that kind exists to ask (for the device pickers). */
  devices: z.object({
    camera: z.array(DeviceOptionSchema).nullable(),
    microphone: z.array(DeviceOptionSchema).nullable(),
  }),
});
export type Plan = z.infer<typeof PlanSchema>;

export const ApplyResultSchema = z.object({
  presetId: z.string(),
  /** unchanged: nothing to do; applied: all done; partial: some requests failed; interrupted: the link dropped. */
  status: z.enum(['unchanged', 'applied', 'partial', 'interrupted']),
  applied: z.array(PlanStepSchema),
  failed: z.array(z.object({ step: PlanStepSchema, comment: z.string() })),
  /** After an interruption: what is still missing (apply again to complete it). */
  remaining: z.array(PlanStepSchema),
  /** False when OBS did not come back to tell what was applied: `applied` is then empty and `remaining` is the plan. */
  confirmed: z.boolean(),
  warnings: z.array(PlanWarningSchema),
  roundTrips: z.number().int(),
  mutatingRequests: z.number().int(),
  durationMs: z.number(),
});
export type ApplyResult = z.infer<typeof ApplyResultSchema>;
