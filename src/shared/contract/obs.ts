import { z } from 'zod';
import { ObsStateSchema } from '../obs-state';

const SceneNameSchema = z.string().min(1).max(512);

export const obsRequests = {
  'obs.getState': { params: z.undefined(), result: ObsStateSchema },
  'obs.reconnectNow': { params: z.undefined(), result: z.null() },
  'obs.switchScene': {
    params: z.object({ sceneName: SceneNameSchema }).strict(),
    result: z.null(),
  },
} as const;

export const obsEvents = {
  'obs.state': ObsStateSchema,
} as const;
