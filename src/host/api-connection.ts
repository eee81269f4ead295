import type { RawData, WebSocket } from 'ws';
import type { Logger } from '../core/ports';
import type { EventName } from '../shared/api-contract';
import { appError } from '../shared/errors';
import { fail, type Result } from '../shared/result';
import {
  ClientRequestSchema,
  RequestIdSchema,
  ResultSchema,
  type RequestId,
  type ServerMessage,
} from '../shared/ws-protocol';

/** The part of the core the host needs; AppCore (src/core/app-core.ts) fits it. */
export interface HostedCore {
  handle(name: unknown, params: unknown): Promise<Result<unknown>>;
  subscribe(listener: (name: EventName, payload: unknown) => void): () => void;
}

/** A client that cannot keep up with events is dropped rather than grow our memory without end. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

const OPEN = 1;

const invalid = (reason: string): Result<never> => fail(appError('VALIDATION_FAILED', { reason }));

const idOf = (message: unknown): RequestId | null => {
  if (typeof message !== 'object' || message === null || !('id' in message)) return null;
  const parsed = RequestIdSchema.safeParse(message.id);
  return parsed.success ? parsed.data : null;
};

const asText = (data: RawData): string => {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data).toString('utf8');
};

/**
 * Serves one WebSocket: requests go to the core, every core event goes out. Nothing a
 * client sends and nothing the core throws may take the process down.
 */
export function serveApiConnection(socket: WebSocket, core: HostedCore, logger: Logger): void {
  const send = (message: ServerMessage): void => {
    if (socket.readyState !== OPEN) return;
    let text: string;
    try {
      text = JSON.stringify(message);
    } catch (error) {
      logger.error('Could not serialise a message for the browser', { type: message.type, error: String(error) });
      if (message.type !== 'response') return;
      text = JSON.stringify({ ...message, result: fail(appError('INTERNAL_ERROR')) });
    }
    socket.send(text);
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      logger.warn('Dropping a browser connection that does not read its messages');
      socket.terminate();
    }
  };

  const unsubscribe = core.subscribe((name, payload) => send({ type: 'event', name, payload }));
  socket.on('close', unsubscribe);
  // 'close' always follows; without a listener an 'error' would be thrown.
  socket.on('error', (error) => logger.warn('Browser connection error', { error: String(error) }));

  socket.on('message', (data, isBinary) => {
    void respond(data, isBinary).then((response) => send(response));
  });

  async function respond(data: RawData, isBinary: boolean): Promise<ServerMessage> {
    if (isBinary) return { type: 'response', id: null, result: invalid('binary-message') };
    let message: unknown;
    try {
      message = JSON.parse(asText(data));
    } catch {
      return { type: 'response', id: null, result: invalid('invalid-json') };
    }
    const parsed = ClientRequestSchema.safeParse(message);
    if (!parsed.success) return { type: 'response', id: idOf(message), result: invalid('invalid-envelope') };
    const { id, name, params } = parsed.data;
    try {
      const result = await core.handle(name, params);
      if (ResultSchema.safeParse(result).success) return { type: 'response', id, result };
      logger.error('The core returned something that is not a Result', { name });
    } catch (error) {
      // Params are not logged: they may hold a password.
      logger.error('A request handler failed', { name, error: String(error) });
    }
    return { type: 'response', id, result: fail(appError('INTERNAL_ERROR')) };
  }
}
