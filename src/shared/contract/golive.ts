import { z } from 'zod';
import {
  AutoCheckIdSchema,
  ChecklistStatusSchema,
  ItemIdSchema,
  LocalizedTextSchema,
  ProgramTypeSchema,
  SceneNameSchema,
} from '../checklist/checklist-schema';
import { DestinationIdSchema, DestinationInputSchema, DestinationSchema } from '../destinations/destination-schema';
import { AfterPlanSchema, GoLiveStateSchema } from '../golive/golive-state';
import { PresetIdSchema } from '../presets/safe-text';

/** Why a required item was overridden: asked for at Go Live, kept in the log. */
const OverrideReasonSchema = z.string().trim().min(3).max(500);

/** Destinations and their stream keys, the checklist, and going live. */
export const goliveRequests = {
  'destinations.list': { params: z.undefined(), result: z.array(DestinationSchema) },
  'destinations.save': { params: DestinationInputSchema, result: DestinationSchema },
  'destinations.delete': { params: z.object({ id: DestinationIdSchema }).strict(), result: z.null() },
  /** The one request whose result holds a stream key: asked for by the reveal button only. */
  'destinations.revealKey': {
    params: z.object({ id: DestinationIdSchema }).strict(),
    result: z.object({ key: z.string() }),
  },

  'checklist.get': { params: z.undefined(), result: ChecklistStatusSchema },
  'checklist.updateSession': {
    params: z
      .object({
        programType: ProgramTypeSchema.optional(),
        presetId: PresetIdSchema.nullable().optional(),
        destinationId: DestinationIdSchema.nullable().optional(),
        record: z.boolean().optional(),
        rehearsal: z.boolean().optional(),
      })
      .strict(),
    result: ChecklistStatusSchema,
  },
  'checklist.tick': {
    params: z.object({ itemId: ItemIdSchema, done: z.boolean(), note: z.string().max(300).optional() }).strict(),
    result: ChecklistStatusSchema,
  },
  /** Clears every tick, e.g. for the next program. */
  'checklist.resetTicks': { params: z.undefined(), result: ChecklistStatusSchema },
  'checklist.refresh': { params: z.undefined(), result: ChecklistStatusSchema },
  'checklist.fix': { params: z.object({ checkId: AutoCheckIdSchema }).strict(), result: ChecklistStatusSchema },
  'checklist.addItem': {
    params: z
      .object({ text: LocalizedTextSchema, required: z.boolean(), asksForNote: z.boolean().optional() })
      .strict(),
    result: ChecklistStatusSchema,
  },
  'checklist.removeItem': { params: z.object({ itemId: ItemIdSchema }).strict(), result: ChecklistStatusSchema },
  'checklist.moveItem': {
    params: z.object({ itemId: ItemIdSchema, direction: z.enum(['up', 'down']) }).strict(),
    result: ChecklistStatusSchema,
  },
  'checklist.setItemRequired': {
    params: z.object({ itemId: ItemIdSchema, required: z.boolean() }).strict(),
    result: ChecklistStatusSchema,
  },
  'checklist.setTemplateOptions': {
    params: z
      .object({
        record: z.boolean().optional(),
        startingScene: SceneNameSchema.nullable().optional(),
        closingScene: SceneNameSchema.nullable().optional(),
      })
      .strict(),
    result: ChecklistStatusSchema,
  },
  'checklist.resetTemplate': { params: z.undefined(), result: ChecklistStatusSchema },

  'golive.getState': { params: z.undefined(), result: GoLiveStateSchema },
  /** Uses the checklist's session (destination, recording, rehearsal). */
  'golive.start': {
    params: z.object({ overrideReason: OverrideReasonSchema.optional() }).strict(),
    result: GoLiveStateSchema,
  },
  'golive.end': {
    params: z.object({ closingScene: SceneNameSchema.optional() }).strict(),
    result: GoLiveStateSchema,
  },
  'golive.setAfterPlan': { params: AfterPlanSchema, result: GoLiveStateSchema },
  /** Back to idle after the after-broadcast list or a failed start. */
  'golive.dismiss': { params: z.undefined(), result: GoLiveStateSchema },
} as const;

export const goliveEvents = {
  'destinations.changed': z.array(DestinationSchema),
  'checklist.changed': ChecklistStatusSchema,
  'golive.state': GoLiveStateSchema,
} as const;
