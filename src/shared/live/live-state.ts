import { z } from 'zod';

/** A microphone of the applied preset, by its OBS input name. */
export const LiveMicSchema = z.object({
  inputName: z.string(),
  /** The preset's label, e.g. "Mikrofon". */
  label: z.string(),
  /** The preset's first microphone: what M mutes and unmutes. */
  main: z.boolean(),
});
export type LiveMic = z.infer<typeof LiveMicSchema>;

export const LiveSceneSchema = z.object({
  sceneId: z.string(),
  /** The preset's name for the scene (what the button says). */
  label: z.string(),
  /** The scene's name in OBS. */
  obsName: z.string(),
  /** Its UUID in OBS (obs-websocket 5.4+): switching goes by it, so a rename in OBS meanwhile does not matter. */
  obsUuid: z.string().optional(),
  /** Input names of the microphones that should be live (unmuted) in this scene. */
  liveMics: z.array(z.string()),
});
export type LiveScene = z.infer<typeof LiveSceneSchema>;

/** The applied preset as the live view needs it: OBS names only, in the preset's order. */
export const LiveLayoutSchema = z.object({
  presetId: z.string(),
  presetName: z.string(),
  /** Only scenes that exist in OBS now. */
  scenes: z.array(LiveSceneSchema),
  /** The privacy cut's scene; null when it is missing in OBS. */
  safeScene: z.string().nullable(),
  mics: z.array(LiveMicSchema),
  transition: z.object({ kind: z.enum(['fade', 'cut']), durationMs: z.number() }),
});
export type LiveLayout = z.infer<typeof LiveLayoutSchema>;

export const TransitionChoiceSchema = z.enum(['preset', 'cut']);
export type TransitionChoice = z.infer<typeof TransitionChoiceSchema>;

export const PrivacySchema = z.object({
  active: z.boolean(),
  /** Epoch ms of the cut. */
  since: z.number().nullable(),
  /** The program scene before the cut: where restore goes back to. */
  previousScene: z.string().nullable(),
});
export type Privacy = z.infer<typeof PrivacySchema>;

export const LiveStateSchema = z.object({
  layout: LiveLayoutSchema.nullable(),
  transition: TransitionChoiceSchema,
  privacy: PrivacySchema,
});
export type LiveState = z.infer<typeof LiveStateSchema>;

/** One input's levels from InputVolumeMeters, as linear multipliers (0..1, above 1 clips). */
export const MeterReadingSchema = z.object({
  inputName: z.string(),
  /** Loudest channel's magnitude (RMS-like) after the fader. */
  magnitude: z.number(),
  /** Loudest channel's peak after the fader. */
  peak: z.number(),
  /** Loudest channel's peak before fader and mute: what the mic actually hears. */
  inputPeak: z.number(),
});
export type MeterReading = z.infer<typeof MeterReadingSchema>;

export const MetersSchema = z.object({ at: z.number(), inputs: z.array(MeterReadingSchema) });
export type Meters = z.infer<typeof MetersSchema>;

/** A JPEG of one scene as OBS renders it, as a data: URL. */
export const ScenePictureSchema = z.object({ sceneName: z.string(), imageData: z.string() });
export type ScenePicture = z.infer<typeof ScenePictureSchema>;

/** The program monitor: what viewers see, and in studio mode what goes on air at Take. */
export const ProgramPictureSchema = z.object({
  at: z.number(),
  program: ScenePictureSchema,
  preview: ScenePictureSchema.nullable(),
});
export type ProgramPicture = z.infer<typeof ProgramPictureSchema>;

/** Stream health while live, from GetStreamStatus and GetStats every ~2 s. */
export const LiveHealthSchema = z.object({
  at: z.number(),
  active: z.boolean(),
  durationMs: z.number(),
  kbps: z.number(),
  /** Since the stream started. */
  droppedPct: z.number(),
  /** Over the last minute: what the alert looks at. */
  droppedPctMinute: z.number(),
  skippedPct: z.number(),
  /** Frames the encoder skipped over the last minute: the computer cannot keep up. */
  skippedPctMinute: z.number(),
  congestion: z.number(),
  reconnecting: z.boolean(),
});
export type LiveHealth = z.infer<typeof LiveHealthSchema>;

export const emptyLiveState = (): LiveState => ({
  layout: null,
  transition: 'preset',
  privacy: { active: false, since: null, previousScene: null },
});
