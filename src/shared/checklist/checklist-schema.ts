import { z } from 'zod';
import { AppErrorSchema } from '../errors';
import { ObsNameSchema, withSafeText } from '../obs-name';
import { PresetIdSchema } from '../presets/safe-text';

export const ProgramTypeSchema = z.enum(['storytime', 'authortalk', 'baby', 'languagecafe', 'infodesk']);
export type ProgramType = z.infer<typeof ProgramTypeSchema>;

const ItemTextSchema = withSafeText(z.string().trim().min(1).max(300));

/** Texts of a manual item in both UI languages; staff's own items may say the same in both. */
export const LocalizedTextSchema = z.object({ sv: ItemTextSchema, en: ItemTextSchema }).strict();
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const ItemIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const ManualItemSchema = z
  .object({
    id: ItemIdSchema,
    text: LocalizedTextSchema,
    required: z.boolean(),
    /** Asks for names (e.g. who hosts, who moderates the chat), kept with the tick. */
    asksForNote: z.boolean().default(false),
  })
  .strict();
export type ManualItem = z.infer<typeof ManualItemSchema>;

/** Checks the app makes itself against OBS's live state. */
export const AutoCheckIdSchema = z.enum([
  'obsConnected',
  'presetScenes',
  'startingSceneLive',
  'micReady',
  'cameraActive',
  'destinationReady',
  'outputWithinLimits',
  'recordingPlanned',
  'diskSpace',
  'notAlreadyStreaming',
]);
export type AutoCheckId = z.infer<typeof AutoCheckIdSchema>;

/** Check ids renamed since templates were first stored: read old files without losing edits. */
const renamedChecks: Record<string, AutoCheckId> = { cameraPresent: 'cameraActive' };
const RequiredChecksSchema = z.preprocess(
  (ids) => (Array.isArray(ids) ? ids.map((id) => (typeof id === 'string' ? (renamedChecks[id] ?? id) : id)) : ids),
  z.array(AutoCheckIdSchema),
);

/** A scene in OBS the checklist checks or go-live switches to. */
export const SceneNameSchema = ObsNameSchema;

export const TemplateSchema = z
  .object({
    programType: ProgramTypeSchema,
    manualItems: z.array(ManualItemSchema).max(50),
    /** Automatic checks that block Go Live; the others are recommended. */
    requiredChecks: RequiredChecksSchema,
    /** The template asks for a local recording (the go-live flow starts it). */
    record: z.boolean(),
    /**
     * Shown live before the program starts ("Startar snart"); null: not checked. Used when
     * the session has no preset: a preset names its own starting and closing scenes.
     */
    startingScene: SceneNameSchema.nullable(),
    /** Switched to before the stream stops; null: the stream ends on whatever is live. */
    closingScene: SceneNameSchema.nullable(),
  })
  .strict();
export type Template = z.infer<typeof TemplateSchema>;

/** What staff are preparing right now: program, destination, ticks. */
export const SessionSchema = z
  .object({
    programType: ProgramTypeSchema,
    /** The program's preset: its scenes, mics and cameras are what the checks look at. */
    presetId: PresetIdSchema.nullable().default(null),
    /** null: a rehearsal that only records. */
    destinationId: z.string().max(64).nullable(),
    record: z.boolean(),
    rehearsal: z.boolean(),
    ticks: z.record(ItemIdSchema, z.object({ done: z.boolean(), note: z.string().max(300) })),
  })
  .strict();
export type Session = z.infer<typeof SessionSchema>;

export const CheckStatusSchema = z.enum(['pass', 'fail', 'unknown', 'skipped']);
export type CheckStatus = z.infer<typeof CheckStatusSchema>;

export const FixActionSchema = z.enum([
  'reconnectObs',
  'applyPreset',
  'switchToStartingScene',
  'unmuteMic',
  /** Shows a scene with the mic, so its level can be seen before the stream starts. */
  'testMic',
  'enableRecording',
  'applyPlatformBitrate',
  /** Scales OBS's output down to the platform's tallest picture (the canvas stays as it is). */
  'applyPlatformResolution',
]);
export type FixAction = z.infer<typeof FixActionSchema>;

export const AutoCheckResultSchema = z.object({
  id: AutoCheckIdSchema,
  status: CheckStatusSchema,
  required: z.boolean(),
  /** Why, as a translation key under golive.checks.<id>.reasons; values never secrets. */
  reason: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  fix: FixActionSchema.nullable(),
});
export type AutoCheckResult = z.infer<typeof AutoCheckResultSchema>;

export const ManualItemStateSchema = ManualItemSchema.extend({
  done: z.boolean(),
  note: z.string(),
});

export const ChecklistStatusSchema = z.object({
  session: SessionSchema,
  template: TemplateSchema,
  auto: z.array(AutoCheckResultSchema),
  manual: z.array(ManualItemStateSchema),
  /** Every required item passes. */
  ready: z.boolean(),
  /** Ids of required items that do not pass. */
  blocking: z.array(z.string()),
  /** The last failed attempt to read OBS's settings, when that is why something is unknown. */
  readError: AppErrorSchema.nullable(),
  /** The session's preset, when one is chosen and still exists. */
  preset: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** OBS names of the scenes in use: the preset's, else the template's. */
  startingScene: z.string().nullable(),
  closingScene: z.string().nullable(),
});
export type ChecklistStatus = z.infer<typeof ChecklistStatusSchema>;
