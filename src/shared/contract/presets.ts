import { z } from 'zod';
import { DetailsSchema, DeviceChoiceSchema } from '../presets/preset-details';
import { ProblemSchema } from '../presets/preset-document';
import { ApplyPhaseSchema, ApplyResultSchema, PlanSchema } from '../presets/preset-plan';
import { PresetSchema } from '../presets/preset-schema';
import { PresetIdSchema, SafeNameSchema } from '../presets/safe-text';

/** A preset as the UI lists it: the document, whether it ships with the app, and its program's details. */
export const PresetEntrySchema = z.object({
  preset: PresetSchema,
  builtIn: z.boolean(),
  details: DetailsSchema,
  devices: DeviceChoiceSchema,
});
export type PresetEntry = z.infer<typeof PresetEntrySchema>;

const PresetListSchema = z.object({ presets: z.array(PresetEntrySchema) });
const ById = z.object({ presetId: PresetIdSchema }).strict();

export const presetsRequests = {
  /** Built-ins in the UI language, then the user's own. */
  'presets.list': { params: z.undefined(), result: PresetListSchema },
  /** A copy the user may edit (built-ins are read-only). */
  'presets.duplicate': { params: ById, result: PresetEntrySchema },
  'presets.rename': {
    params: z.object({ presetId: PresetIdSchema, name: SafeNameSchema }).strict(),
    result: PresetEntrySchema,
  },
  /** Replaces a user preset's document (scenes, texts, layout, sources); its id stays. */
  'presets.update': { params: z.object({ preset: PresetSchema }).strict(), result: PresetEntrySchema },
  'presets.delete': { params: ById, result: z.null() },
  /** Validates a JSON file's text; stores it only when there are no problems. */
  'presets.import': {
    params: z.object({ json: z.string().max(1_000_000) }).strict(),
    result: z.object({ entry: PresetEntrySchema.nullable(), problems: z.array(ProblemSchema) }),
  },
  'presets.export': { params: ById, result: z.object({ fileName: z.string(), json: z.string() }) },
  /** Saves the program's details and device choices; texts already in OBS change at once. */
  'presets.setDetails': {
    params: z
      .object({ presetId: PresetIdSchema, details: DetailsSchema, devices: DeviceChoiceSchema.optional() })
      .strict(),
    result: z.object({ entry: PresetEntrySchema, updatedTexts: z.number().int() }),
  },
  /** Compares the preset with OBS now: what applying would create, change or keep. */
  'presets.plan': { params: ById, result: PlanSchema },
  'presets.apply': { params: ById, result: ApplyResultSchema },
} as const;

export const presetsEvents = {
  'presets.changed': PresetListSchema,
  'presets.applyProgress': z.object({
    presetId: z.string(),
    phase: ApplyPhaseSchema,
  }),
} as const;
