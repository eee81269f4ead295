import {
  EventSubscription,
  OBSWebSocket,
  OBSWebSocketError,
  type OBSRequestTypes,
  type OBSResponseTypes,
  type RequestBatchRequest,
  type ResponseMessage,
} from 'obs-websocket-js';
import { appError, type AppError } from '../../shared/errors';
import { fail, type Result } from '../../shared/result';
import { classifyConnectFailure, type ConnectFailureFacts, type FailureVerdict } from './connection-errors';
import { NOT_READY_STATUS, NotReadyWatch, retryWhileNotReady } from './not-ready';
import { mirrorEventTypes, type MirrorEvent } from './obs-mirror';
import { PendingRequests } from './request-timeout';

/** The part of a `ws` WebSocket used here (obs-websocket-js types its socket as the DOM one). */
interface RawSocket {
  readonly readyState: number;
  terminate(): void;
  once(event: 'close', listener: () => void): unknown;
}
const WS_CLOSED = 3;

/**
 * obs-websocket-js plus a way to drop the socket at once. Its disconnect() sends a close
 * frame and waits for the answer, which a frozen OBS never gives (ws then keeps a 30 s
 * timer alive), and it cannot abort a connect in progress.
 */
class TerminableObsWebSocket extends OBSWebSocket {
  terminate(): Promise<void> {
    const socket = this.socket as unknown as RawSocket | undefined;
    if (!socket || socket.readyState === WS_CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      socket.once('close', () => resolve());
      socket.terminate();
    });
  }
}

export interface SessionOptions {
  /** Normalized ws:// or wss:// URL. */
  url: string;
  password: string | null;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  /** How long a request keeps being retried while OBS answers 207 NotReady (default for calls). */
  notReadyWaitMs: number;
  /** Pause between those retries. */
  notReadyRetryMs: number;
  /** A wait longer than this is announced through onNotReady. */
  notReadyNoticeMs: number;
}

export interface SessionHandlers {
  /** OBS events, only while the session is open (identified). */
  onEvent(event: MirrorEvent): void;
  /** The open session's socket closed by itself (not after terminate()). */
  onClosed(code: number): void;
  /** The error for requests in flight when the socket drops (OBS_CONNECTION_LOST {...}). */
  lossError(): AppError;
  /** InputVolumeMeters, only sent by OBS while subscribed (see setMeterSubscription). */
  onMeters?(data: unknown): void;
  /** true: requests have waited a while for OBS to be ready (207); false: that is over. */
  onNotReady?(waiting: boolean): void;
}

export type OpenOutcome = { ok: true } | { ok: false; verdict: FailureVerdict; detail: string };

type Phase = 'new' | 'handshake' | 'open' | 'closed';

/**
 * One connection to OBS, from handshake to close. Never reused: reconnecting makes a new
 * session, so a late event or reply from an old socket cannot reach the mirror.
 */
export class ObsSession {
  readonly #obs = new TerminableObsWebSocket();
  readonly #pending = new PendingRequests();
  readonly #options: SessionOptions;
  readonly #handlers: SessionHandlers;
  #phase: Phase = 'new';
  #handshakeCloseCode: number | null = null;
  #cancelOpen: (() => void) | null = null;
  /** What requests sent after the close fail with. */
  #closeError: AppError | null = null;
  readonly #notReady: NotReadyWatch;

  constructor(options: SessionOptions, handlers: SessionHandlers) {
    this.#options = options;
    this.#handlers = handlers;
    this.#notReady = new NotReadyWatch((waiting) => {
      if (this.#phase === 'open') this.#handlers.onNotReady?.(waiting);
    }, options.notReadyNoticeMs);
  }

  get isOpen(): boolean {
    return this.#phase === 'open';
  }

  /** Connects and identifies within connectTimeoutMs. Never rejects. */
  open(address: string): Promise<OpenOutcome> {
    if (this.#phase !== 'new') throw new Error('ObsSession.open() called twice');
    this.#phase = 'handshake';
    const { url, password, connectTimeoutMs } = this.#options;
    const facts: ConnectFailureFacts = {
      address,
      code: null,
      message: '',
      socketOpened: false,
      helloReceived: false,
      authRequired: false,
      passwordGiven: Boolean(password),
      timedOut: false,
      helloMalformed: false,
    };
    const obs = this.#obs;
    obs.on('ConnectionOpened', () => {
      facts.socketOpened = true;
    });
    obs.on('Hello', (hello: unknown) => {
      if (!isV5Hello(hello)) {
        facts.helloMalformed = true;
        void obs.terminate();
        return;
      }
      facts.helloReceived = true;
      facts.authRequired = hello.authentication != null;
    });
    obs.on('ConnectionClosed', (error) => this.#onSocketClosed(error.code));
    obs.on('InputVolumeMeters', (data) => {
      if (this.#phase === 'open') this.#handlers.onMeters?.(data);
    });
    for (const type of mirrorEventTypes) {
      // One typed listener per event; the cast is the obs-websocket-js event map boundary.
      const listener = (data: unknown): void => {
        if (this.#phase === 'open') this.#handlers.onEvent({ type, data } as MirrorEvent);
      };
      (obs as unknown as { on(event: string, fn: (data: unknown) => void): void }).on(type, listener);
    }

    return new Promise<OpenOutcome>((resolve) => {
      const failWith = (code: number | null, message: string): void => {
        clearTimeout(timer);
        this.#cancelOpen = null;
        this.#close(this.#handlers.lossError());
        resolve({ ok: false, verdict: classifyConnectFailure({ ...facts, code, message }), detail: message });
      };
      // obs-websocket-js has no connect timeout; a server that never says Hello would hang it.
      const timer = setTimeout(() => {
        facts.timedOut = true;
        failWith(null, `no answer within ${connectTimeoutMs} ms`);
      }, connectTimeoutMs);
      // terminate() during the handshake settles open() at once, timer and all.
      this.#cancelOpen = () => {
        clearTimeout(timer);
        resolve({ ok: false, verdict: { error: appError('OBS_NOT_CONNECTED'), retry: false }, detail: 'cancelled' });
      };
      obs.connect(url, password ?? undefined, { rpcVersion: 1, eventSubscriptions: EventSubscription.All }).then(
        () => {
          if (this.#phase !== 'handshake') return; // terminated: already settled
          if (!obs.identified) {
            // The socket closed between Identified and this callback.
            failWith(this.#handshakeCloseCode ?? 1006, 'closed right after identifying');
            return;
          }
          clearTimeout(timer);
          this.#cancelOpen = null;
          this.#phase = 'open';
          resolve({ ok: true });
        },
        (thrown: unknown) => {
          if (this.#phase !== 'handshake') return; // terminated: already settled
          const code = thrown instanceof OBSWebSocketError ? thrown.code : null;
          failWith(code, thrown instanceof Error ? thrown.message : String(thrown));
        },
      );
    });
  }

  /**
   * One request with a deadline; fails at once when not open or when the socket drops.
   * While OBS answers 207 NotReady it is sent again, for up to `notReadyWaitMs`.
   */
  call<T extends keyof OBSRequestTypes>(
    type: T,
    data: OBSRequestTypes[T] | undefined,
    timeoutMs = this.#options.requestTimeoutMs,
    notReadyWaitMs = this.#options.notReadyWaitMs,
  ): Promise<Result<OBSResponseTypes[T]>> {
    if (this.#phase !== 'open') return Promise.resolve(fail(appError('OBS_NOT_CONNECTED')));
    const attempt = (): Promise<Result<OBSResponseTypes[T]>> =>
      this.#whileOpen(() =>
        this.#pending.run(
          type,
          timeoutMs,
          () => this.#obs.call(type, data),
          (thrown) => this.#requestError(type, thrown),
        ),
      );
    return this.#retry(type, notReadyWaitMs, attempt, (result) => !result.ok && isNotReadyError(result.error));
  }

  /**
   * Many requests in one round trip. Items may fail individually: check each requestStatus.
   * NotReady fails every item and runs none, so such a batch is sent again as a whole.
   */
  callBatch(
    requests: RequestBatchRequest[],
    timeoutMs = this.#options.requestTimeoutMs,
    notReadyWaitMs = this.#options.notReadyWaitMs,
  ): Promise<Result<ResponseMessage[]>> {
    if (this.#phase !== 'open') return Promise.resolve(fail(appError('OBS_NOT_CONNECTED')));
    const attempt = (): Promise<Result<ResponseMessage[]>> =>
      this.#whileOpen(() =>
        this.#pending.run(
          'RequestBatch',
          timeoutMs,
          () => this.#obs.callBatch(requests),
          (thrown) => this.#requestError('RequestBatch', thrown),
        ),
      );
    return this.#retry(
      'RequestBatch',
      notReadyWaitMs,
      attempt,
      (result) => result.ok && result.value.some((item) => item.requestStatus.code === NOT_READY_STATUS),
    );
  }

  #retry<T>(
    request: string,
    waitMs: number,
    attempt: () => Promise<Result<T>>,
    isNotReady: (result: Result<T>) => boolean,
  ): Promise<Result<T>> {
    const retry = { waitMs, intervalMs: this.#options.notReadyRetryMs };
    return retryWhileNotReady(request, retry, attempt, isNotReady, this.#notReady);
  }

  /** A retry after the socket went away fails like the requests that were in flight. */
  #whileOpen<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
    if (this.#phase === 'open') return work();
    return Promise.resolve(fail(this.#closeError ?? this.#handlers.lossError()));
  }

  /**
   * Adds or removes the high-volume InputVolumeMeters events (not in All) with Reidentify;
   * about 20 messages a second per OBS, so only while someone watches meters.
   */
  async setMeterSubscription(on: boolean): Promise<Result<null>> {
    if (this.#phase !== 'open') return fail(appError('OBS_NOT_CONNECTED'));
    const eventSubscriptions = on ? EventSubscription.All | EventSubscription.InputVolumeMeters : EventSubscription.All;
    return this.#pending.run(
      'Reidentify',
      this.#options.requestTimeoutMs,
      async () => {
        await this.#obs.reidentify({ eventSubscriptions });
        return null;
      },
      (thrown) => this.#requestError('Reidentify', thrown),
    );
  }

  /**
   * Drops the socket now (no close handshake), fails requests in flight with `error`, and
   * resolves once the socket is closed. No handler is called after this.
   */
  async terminate(error: AppError = this.#handlers.lossError()): Promise<void> {
    this.#close(error);
    let timer: NodeJS.Timeout | undefined;
    // ws emits 'close' promptly after terminate(); the bound only guards against surprises.
    await Promise.race([this.#obs.terminate(), new Promise<void>((resolve) => (timer = setTimeout(resolve, 2000)))]);
    clearTimeout(timer);
  }

  #close(error: AppError): void {
    if (this.#phase === 'closed') return;
    this.#phase = 'closed';
    this.#closeError = error;
    this.#notReady.stop();
    this.#cancelOpen?.();
    this.#cancelOpen = null;
    this.#pending.failAll(error);
    void this.#obs.terminate();
  }

  #onSocketClosed(code: number): void {
    const wasOpen = this.#phase === 'open';
    if (this.#phase === 'handshake') {
      this.#handshakeCloseCode = code; // connect() rejects (or just resolved); open() reports it
      return;
    }
    this.#phase = 'closed';
    this.#closeError = this.#handlers.lossError();
    this.#notReady.stop();
    this.#pending.failAll(this.#closeError);
    if (wasOpen) this.#handlers.onClosed(code);
  }

  #requestError(request: string, thrown: unknown): AppError {
    if (thrown instanceof OBSWebSocketError) {
      // For calls, obs-websocket-js puts the request status in `code` and its comment in `message`.
      return appError('OBS_REQUEST_FAILED', { request, status: thrown.code, comment: thrown.message });
    }
    // "Not connected" / "Socket not identified": the socket went away under the call.
    if (this.#phase !== 'open') return this.#handlers.lossError();
    return appError('OBS_REQUEST_FAILED', {
      request,
      status: 0,
      comment: thrown instanceof Error ? thrown.message : String(thrown),
    });
  }
}

const isNotReadyError = (error: AppError): boolean =>
  error.code === 'OBS_REQUEST_FAILED' && error.params?.status === NOT_READY_STATUS;

interface V5Hello {
  obsWebSocketVersion: string;
  rpcVersion: number;
  authentication?: { challenge: string; salt: string } | null;
}

/** A Hello that obs-websocket v5 would send (rpcVersion 1 is the only one so far). */
export function isV5Hello(value: unknown): value is V5Hello {
  if (typeof value !== 'object' || value === null) return false;
  const hello = value as Record<string, unknown>;
  if (typeof hello.obsWebSocketVersion !== 'string' || typeof hello.rpcVersion !== 'number' || hello.rpcVersion < 1)
    return false;
  if (hello.authentication === undefined || hello.authentication === null) return true; // no auth
  const auth = hello.authentication as Record<string, unknown> | null;
  return (
    typeof auth === 'object' && auth !== null && typeof auth.challenge === 'string' && typeof auth.salt === 'string'
  );
}
