import { z } from 'zod';
import { AppErrorSchema } from './errors';

/**
 * The browser host's WebSocket envelopes, shared by the server (src/host) and the
 * browser client (src/renderer/api/ws-transport.ts). The payloads inside are checked
 * by the core against the API contract; these schemas check only the envelope.
 */

export const WS_API_PATH = '/api';

/** Larger client messages are refused (the socket closes with 1009). No request comes near it. */
export const WS_MAX_MESSAGE_BYTES = 1024 * 1024;

export const RequestIdSchema = z.union([z.number(), z.string().min(1).max(128)]);
export type RequestId = z.infer<typeof RequestIdSchema>;

export const ClientRequestSchema = z
  .object({
    type: z.literal('request'),
    id: RequestIdSchema,
    name: z.string().min(1).max(128),
    params: z.unknown().optional(),
  })
  .strict();
export type ClientRequest = z.infer<typeof ClientRequestSchema>;

export const ResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorSchema }),
]);

export const ServerResponseSchema = z.object({
  type: z.literal('response'),
  /** null when the request was too malformed to carry a usable id. */
  id: RequestIdSchema.nullable(),
  result: ResultSchema,
});
export type ServerResponse = z.infer<typeof ServerResponseSchema>;

/** Every core event goes to every connection; the client filters by name. */
export const ServerEventSchema = z.object({
  type: z.literal('event'),
  name: z.string(),
  payload: z.unknown(),
});
export type ServerEvent = z.infer<typeof ServerEventSchema>;

export const ServerMessageSchema = z.discriminatedUnion('type', [ServerResponseSchema, ServerEventSchema]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;
