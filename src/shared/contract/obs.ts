import { z } from 'zod';
import { ObsNameSchema } from '../obs-name';
import { ObsStateSchema } from '../obs-state';

export const obsRequests = {
  'obs.getState': { params: z.undefined(), result: ObsStateSchema },
  'obs.reconnectNow': { params: z.undefined(), result: z.null() },
  'obs.switchScene': {
    params: z.object({ sceneName: ObsNameSchema }).strict(),
    result: z.null(),
  },
} as const;

export const obsEvents = {
  'obs.state': ObsStateSchema,
} as const;
