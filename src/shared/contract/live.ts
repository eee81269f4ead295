import { z } from 'zod';
import {
  LiveHealthSchema,
  LiveStateSchema,
  MetersSchema,
  ProgramPictureSchema,
  TransitionChoiceSchema,
} from '../live/live-state';
import { ObsNameSchema } from '../obs-name';

/** The live view: scene buttons, studio mode, mics, privacy cut, health. */
export const liveRequests = {
  'live.getState': { params: z.undefined(), result: LiveStateSchema },
  /**
   * A scene button or key: in studio mode sets the preview, otherwise the program scene.
   * Latest wins: a request overtaken by a newer one before it was sent answers `sent: false`.
   */
  'live.selectScene': {
    params: z.object({ sceneName: ObsNameSchema }).strict(),
    result: z.object({ sent: z.boolean() }),
  },
  /** Studio mode's Take: the preview goes on air. */
  'live.take': { params: z.undefined(), result: z.null() },
  'live.setStudioMode': { params: z.object({ enabled: z.boolean() }).strict(), result: z.null() },
  'live.setTransition': { params: z.object({ choice: TransitionChoiceSchema }).strict(), result: LiveStateSchema },
  'live.setMute': { params: z.object({ inputName: ObsNameSchema, muted: z.boolean() }).strict(), result: z.null() },
  /** The preset's main mic (the M key). */
  'live.toggleMainMic': { params: z.undefined(), result: z.object({ inputName: z.string(), muted: z.boolean() }) },
  /** Safe scene and every mic muted; `restore` undoes both. */
  'live.privacyCut': { params: z.undefined(), result: LiveStateSchema },
  'live.privacyRestore': { params: z.undefined(), result: LiveStateSchema },
  /** Meters flow while some client renews this lease (every few seconds). */
  'live.watchMeters': { params: z.undefined(), result: z.object({ untilMs: z.number() }) },
  /** Program monitor pictures (`live.program`) flow while some client renews this lease. */
  'live.watchProgram': { params: z.undefined(), result: z.object({ untilMs: z.number() }) },
  /** A small JPEG of a scene, as a data: URL. */
  'live.thumbnail': {
    params: z.object({ sceneName: ObsNameSchema, width: z.number().int().min(64).max(640).optional() }).strict(),
    result: z.object({ sceneName: z.string(), imageData: z.string() }),
  },
  'live.getHealth': { params: z.undefined(), result: LiveHealthSchema.nullable() },
} as const;

export const liveEvents = {
  'live.state': LiveStateSchema,
  /** At most ~15 per second, only while meters are watched. */
  'live.meters': MetersSchema,
  'live.health': LiveHealthSchema,
  /** About 2.5 per second, only while the program picture is watched; one loop for all clients. */
  'live.program': ProgramPictureSchema,
} as const;
