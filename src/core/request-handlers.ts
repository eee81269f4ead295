import type { z } from 'zod';
import type { Result } from '../shared/result';

/** The handlers of one domain's requests, typed from that domain's contract map. */
export type RequestHandlers<R extends Record<string, { params: z.ZodType; result: z.ZodType }>> = {
  [N in keyof R]: (params: z.output<R[N]['params']>) => Promise<Result<z.output<R[N]['result']>>>;
};
