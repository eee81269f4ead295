import type { IncomingMessage } from 'node:http';
import { appError, type AppError, type ErrorCode } from '../../shared/errors';

/** The body of POST /remote/pair, read and checked just enough to hand to the core. */

/** `{ secret, code, name }` is a few dozen bytes; anything near this is not a phone pairing. */
export const MAX_PAIR_BODY_BYTES = 4 * 1024;

export interface PairBody {
  secret?: string;
  code?: string;
  /** The core validates the name. */
  name: unknown;
}

export type BodyRead = { ok: true; body: PairBody } | { ok: false; status: 400 | 413 | 415; error: AppError };

const problem = (status: 400 | 413 | 415, reason: string): BodyRead => ({
  ok: false,
  status,
  error: appError('VALIDATION_FAILED', { reason }),
});

const isJson = (contentType: string | undefined): boolean =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';

/** The pairing request's body: JSON, at most MAX_PAIR_BODY_BYTES, secret and code strings when given. */
export async function readPairBody(req: IncomingMessage): Promise<BodyRead> {
  if (!isJson(req.headers['content-type'])) return problem(415, 'content-type');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_PAIR_BODY_BYTES) return problem(413, 'too-large');

  const raw = await readAtMost(req, MAX_PAIR_BODY_BYTES);
  if (raw === null) return problem(413, 'too-large');

  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return problem(400, 'invalid-json');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return problem(400, 'not-an-object');
  const { secret, code, name } = body as Record<string, unknown>;
  if (secret !== undefined && typeof secret !== 'string') return problem(400, 'secret');
  if (code !== undefined && typeof code !== 'string') return problem(400, 'code');
  return {
    ok: true,
    body: { ...(secret === undefined ? {} : { secret }), ...(code === undefined ? {} : { code }), name },
  };
}

/** The HTTP status for a pairing the core refused. */
export function pairFailureStatus(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
      return 400;
    case 'REMOTE_PAIRING_SLOW_DOWN':
      return 429;
    case 'REMOTE_OFF':
      return 503;
    case 'INTERNAL_ERROR':
      return 500;
    default:
      // REMOTE_PAIRING_NOT_OPEN, REMOTE_PAIRING_WRONG_CODE and anything else the core refuses.
      return 403;
  }
}

/** Whole seconds for Retry-After, from the slow-down error's `seconds`; at least 1. */
export function retryAfterSeconds(error: AppError): number {
  const seconds = error.params?.seconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : 1;
}

/**
 * The body, or null once it grows past `limit` (the rest is not kept). The stream is left
 * open rather than destroyed, so the 413 can still be sent.
 */
function readAtMost(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      if (size > limit) resolve(null);
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
