import { appError, type AppError } from '../../shared/errors';

/** obs-websocket v5 WebSocketCloseCode values this app reacts to. */
export const CloseCode = {
  AuthenticationFailed: 4009,
  UnsupportedRpcVersion: 4010,
  SessionInvalidated: 4011,
} as const;

/** 4002-4008 and 4012: the server says our messages were wrong. */
export const isProtocolErrorCode = (code: number): boolean => (code >= 4002 && code <= 4008) || code === 4012;

/** What the app does after a failure: show `error`, and retry by itself only if `retry`. */
export interface FailureVerdict {
  error: AppError;
  retry: boolean;
}

/** Everything known about a connection attempt that did not end identified. */
export interface ConnectFailureFacts {
  /** The address as shown to the user. */
  address: string;
  /** Close code from obs-websocket-js, or -1 for a socket error (refused, no subprotocol...). */
  code: number | null;
  /** Error text from obs-websocket-js / ws, e.g. "connect ECONNREFUSED 127.0.0.1:4455". */
  message: string;
  /** The WebSocket handshake completed (so something speaking WebSocket answered). */
  socketOpened: boolean;
  /** A well-formed v5 Hello arrived. */
  helloReceived: boolean;
  /** That Hello asked for authentication. */
  authRequired: boolean;
  passwordGiven: boolean;
  /** connectTimeoutMs ran out before the server identified us. */
  timedOut: boolean;
  /** The Hello arrived but was not obs-websocket v5's (missing fields, wrong rpcVersion). */
  helloMalformed: boolean;
}

// Node/ws errors that mean "nobody is there (yet)": worth retrying, OBS may be starting.
const UNREACHABLE_PATTERN =
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EHOSTDOWN|ETIMEDOUT|ECONNRESET|EPIPE|ECONNABORTED|socket hang up|closed before the connection was established/i;
// ws errors that mean "something answered, but not obs-websocket v5": a v4 plugin, a web server.
const NOT_V5_PATTERN =
  /subprotocol|Unexpected server response|Sec-WebSocket|Invalid WebSocket frame|Invalid status code/i;

/**
 * Turns a failed attempt into the error the user sees and whether to keep trying.
 * No retry where retrying cannot help and the user must act: wrong or missing password,
 * not obs-websocket v5, a protocol error during the handshake, a kick.
 */
export function classifyConnectFailure(facts: ConnectFailureFacts): FailureVerdict {
  const { address, code } = facts;
  const unreachable: FailureVerdict = { error: appError('OBS_UNREACHABLE', { address }), retry: true };
  const notV5: FailureVerdict = { error: appError('OBS_NOT_V5', { address }), retry: false };

  if (facts.helloMalformed) return notV5;
  if (code === CloseCode.AuthenticationFailed) {
    // obs-websocket-js sends Identify without `authentication` when it has no password, and
    // OBS answers 4009 for that too: tell "no password given" apart from "wrong password".
    const missing = facts.authRequired && !facts.passwordGiven;
    return { error: appError(missing ? 'OBS_PASSWORD_REQUIRED' : 'OBS_AUTH_FAILED'), retry: false };
  }
  if (code === CloseCode.UnsupportedRpcVersion) return notV5;
  if (code === CloseCode.SessionInvalidated) return { error: appError('OBS_KICKED'), retry: false };
  if (code !== null && isProtocolErrorCode(code)) {
    return { error: appError('OBS_PROTOCOL_ERROR', { code }), retry: false };
  }
  if (facts.timedOut) {
    // The WebSocket opened but no v5 Hello came: a server that speaks WebSocket but not v5.
    // Without even an open socket (host silent, OBS frozen), OBS may still come: retry.
    return facts.socketOpened && !facts.helloReceived ? notV5 : unreachable;
  }
  if (UNREACHABLE_PATTERN.test(facts.message)) return unreachable;
  if (NOT_V5_PATTERN.test(facts.message)) return notV5;
  // Any other close (1000, 1001, 1006...) during the handshake: OBS quitting or starting.
  return unreachable;
}

/** Facts about an identified session's socket closing. */
export interface SessionCloseFacts {
  address: string;
  code: number;
  wasStreaming: boolean;
  wasRecording: boolean;
}

/**
 * Turns the loss of an established session into the error the user sees. A kick (4011) is
 * final until the user reconnects; a plain drop (OBS quit or crashed, network) is retried,
 * and the error says whether OBS was live so the UI can warn about it.
 */
export function classifySessionClose({ address, code, wasStreaming, wasRecording }: SessionCloseFacts): FailureVerdict {
  if (code === CloseCode.SessionInvalidated) return { error: appError('OBS_KICKED'), retry: false };
  if (code === CloseCode.AuthenticationFailed) return { error: appError('OBS_AUTH_FAILED'), retry: false };
  if (code === CloseCode.UnsupportedRpcVersion) return { error: appError('OBS_NOT_V5', { address }), retry: false };
  // Mid-session protocol errors come from one bad message; a fresh session recovers.
  if (isProtocolErrorCode(code)) return { error: appError('OBS_PROTOCOL_ERROR', { code }), retry: true };
  return { error: appError('OBS_CONNECTION_LOST', { wasStreaming, wasRecording }), retry: true };
}
