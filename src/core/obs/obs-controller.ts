import type { OBSRequestTypes, OBSResponseTypes, RequestBatchRequest, ResponseMessage } from 'obs-websocket-js';
import { appError, type AppError } from '../../shared/errors';
import { emptyObsState, type ObsState } from '../../shared/obs-state';
import { fail, ok, type Result } from '../../shared/result';
import { silentLogger, type Logger } from '../ports';
import { classifySessionClose, type FailureVerdict } from './connection-errors';
import { loadMirror } from './mirror-loader';
import { parseObsAddress, redactObsAddress } from '../../shared/obs-address';
import { applyMirrorEvent, emptyMirror, type MirrorData, type MirrorEvent } from './obs-mirror';
import { ObsSession } from './obs-session';
import { sceneRef } from './scene-ref';
import { backoffDelay } from './reconnect-backoff';

export interface ObsControllerOptions {
  /** Deadline of every request; default 5000. */
  requestTimeoutMs?: number;
  /** Deadline from opening the socket to identified; default 5000. */
  connectTimeoutMs?: number;
  /** Longest wait between automatic attempts; default 2000. */
  maxBackoffMs?: number;
  /** How long a request waits while OBS answers 207 NotReady (e.g. a collection switch); default 10000. */
  notReadyWaitMs?: number;
  /** The same for reading the mirror after connecting, while OBS starts up; default 30000. */
  startupWaitMs?: number;
  /** Pause between NotReady retries; default 150. */
  notReadyRetryMs?: number;
  /** A NotReady wait longer than this shows "OBS is starting"; default 1000. */
  notReadyNoticeMs?: number;
  /** Never given the password. */
  logger?: Logger;
}

interface Target {
  /** Normalized by parseObsAddress; also what the state shows. */
  address: string;
  password: string | null;
}

type Connection = ObsState['connection'];

export interface CallOptions {
  /** Deadline of each attempt; default requestTimeoutMs. */
  timeoutMs?: number;
  /** How long to retry while OBS answers 207 NotReady; default notReadyWaitMs. */
  notReadyWaitMs?: number;
}

/**
 * The app's one link to OBS: connects, identifies, keeps a mirror of OBS's state current from
 * events, and reconnects by itself with backoff until the user must act (kick, password,
 * not v5, bad address). Every expected failure is a Result value; nothing here throws at
 * callers. Status changes come from the socket only, never from a click.
 */
export class ObsController {
  readonly #requestTimeoutMs: number;
  readonly #connectTimeoutMs: number;
  readonly #maxBackoffMs: number;
  readonly #notReadyWaitMs: number;
  readonly #startupWaitMs: number;
  readonly #notReadyRetryMs: number;
  readonly #notReadyNoticeMs: number;
  readonly #logger: Logger;
  readonly #listeners = new Set<(state: ObsState) => void>();
  #state: ObsState = deepFreeze(emptyObsState(''));
  #target: Target | null = null;
  /** The session being opened or open; null while waiting or stopped. */
  #session: ObsSession | null = null;
  #retryTimer: NodeJS.Timeout | null = null;
  /** Consecutive failed attempts, for the backoff. */
  #failures = 0;
  #closed = false;
  /** A full load is in flight: events wait in #queued and are replayed onto its result. */
  #loading = false;
  #queued: MirrorEvent[] = [];
  #loadGeneration = 0;
  /** Between CurrentSceneCollectionChanging and ...Changed: the mirror holds still (see #onEvent). */
  #collectionChanging = false;
  /** Reads OBS anyway when CurrentSceneCollectionChanged does not follow (see #onEvent). */
  #collectionTimer: NodeJS.Timeout | null = null;
  #lastLoggedFailure: string | null = null;
  /** Raw InputVolumeMeters payloads go here; OBS sends them only while this is not empty. */
  readonly #meterListeners = new Set<(data: unknown) => void>();

  constructor(options: ObsControllerOptions = {}) {
    this.#requestTimeoutMs = options.requestTimeoutMs ?? 5000;
    this.#connectTimeoutMs = options.connectTimeoutMs ?? 5000;
    this.#maxBackoffMs = options.maxBackoffMs ?? 2000;
    this.#notReadyWaitMs = options.notReadyWaitMs ?? 10_000;
    this.#startupWaitMs = options.startupWaitMs ?? 30_000;
    this.#notReadyRetryMs = options.notReadyRetryMs ?? 150;
    this.#notReadyNoticeMs = options.notReadyNoticeMs ?? 1000;
    this.#logger = options.logger ?? silentLogger;
  }

  get state(): ObsState {
    return this.#state;
  }

  onState(listener: (state: ObsState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Starts connecting to `address` (see parseObsAddress for what is accepted) and keeps the
   * link up from then on. Replaces any previous target: its attempt, socket and timers go.
   * The same address and password while connected or connecting change nothing.
   */
  connect(address: string, password: string | null): void {
    if (this.#closed) {
      this.#logger.warn('OBS connect() after close() ignored');
      return;
    }
    const parsed = parseObsAddress(address);
    const { status } = this.#state.connection;
    if (
      parsed.ok &&
      this.#target?.address === parsed.value &&
      this.#target.password === password &&
      (status === 'connected' || status === 'connecting')
    ) {
      // Saving unchanged settings must not drop a working link (mid-stream, too).
      return;
    }
    this.#stop();
    this.#failures = 0;
    this.#lastLoggedFailure = null;
    if (!parsed.ok) {
      this.#target = null;
      this.#logger.warn('OBS address is not valid', { address: redactObsAddress(address) });
      this.#setState({ ...emptyMirror(), connection: disconnected(address.trim(), parsed.error) });
      return;
    }
    this.#target = { address: parsed.value, password };
    this.#setState({
      ...emptyMirror(),
      connection: {
        status: 'connecting',
        address: parsed.value,
        error: null,
        autoReconnect: true,
        nextAttemptAt: null,
      },
    });
    this.#startAttempt('connecting');
  }

  /** Tries at once, skipping any wait; also after a kick or a password failure. */
  reconnectNow(): void {
    if (this.#closed || !this.#target || this.#state.connection.status === 'connected') return;
    this.#stop();
    this.#failures = 0;
    this.#startAttempt('connecting');
  }

  /**
   * SetCurrentProgramScene (SetCurrentPreviewScene with `preview`), by UUID where OBS has them
   * (`sceneUuid`, else the mirror's), so a rename in OBS meanwhile still reaches the same scene.
   * The mirror changes when OBS's event arrives, not before.
   */
  async switchScene(sceneName: string, opts: { sceneUuid?: string; preview?: boolean } = {}): Promise<Result<null>> {
    const scene = sceneRef(this.#state, sceneName, opts.sceneUuid);
    const result = opts.preview
      ? await this.call('SetCurrentPreviewScene', scene)
      : await this.call('SetCurrentProgramScene', scene);
    if (result.ok) return ok(null);
    // By UUID, OBS 32 still finds a scene removed a moment ago, but no longer on its main canvas: 604.
    const status = result.error.params?.status;
    if (result.error.code === 'OBS_REQUEST_FAILED' && (status === 600 || ('sceneUuid' in scene && status === 604))) {
      return fail(appError('OBS_SCENE_NOT_FOUND', { sceneName }));
    }
    return fail(result.error);
  }

  /**
   * Receives OBS's InputVolumeMeters (~20 a second) until the returned function is called.
   * The subscription is on while anyone listens, and is renewed on every new session.
   */
  watchMeters(listener: (data: unknown) => void): () => void {
    const first = this.#meterListeners.size === 0;
    this.#meterListeners.add(listener);
    if (first) this.#syncMeterSubscription();
    return () => {
      if (!this.#meterListeners.delete(listener)) return;
      if (this.#meterListeners.size === 0) this.#syncMeterSubscription();
    };
  }

  /** Reads the whole state of OBS again, e.g. after a request named a scene OBS no longer has. */
  async refresh(): Promise<void> {
    const session = this.#session;
    if (session && this.#state.connection.status === 'connected') await this.#reload(session);
  }

  #syncMeterSubscription(): void {
    const session = this.#session;
    if (!session || this.#state.connection.status !== 'connected') return; // #reload does it on connect
    void session.setMeterSubscription(this.#meterListeners.size > 0).then((result) => {
      if (!result.ok) this.#logger.warn('Could not change the meter subscription', { error: result.error.code });
    });
  }

  /**
   * Any obs-websocket request, with a deadline; OBS_NOT_CONNECTED at once unless connected.
   * While OBS is not ready (207) it is retried for up to notReadyWaitMs, then OBS_NOT_READY.
   */
  call<T extends keyof OBSRequestTypes>(
    type: T,
    data?: OBSRequestTypes[T],
    opts?: CallOptions,
  ): Promise<Result<OBSResponseTypes[T]>> {
    const session = this.#session;
    if (!session || this.#state.connection.status !== 'connected') {
      return Promise.resolve(fail(appError('OBS_NOT_CONNECTED')));
    }
    return session.call(
      type,
      data,
      opts?.timeoutMs ?? this.#requestTimeoutMs,
      opts?.notReadyWaitMs ?? this.#notReadyWaitMs,
    );
  }

  /**
   * Many requests in one round trip (RequestBatch; obs-websocket's defaults: SerialRealtime,
   * haltOnFailure false). Items fail individually: check each requestStatus. A batch OBS
   * was not ready for ran not at all and is sent again, as call() does.
   */
  callBatch(requests: RequestBatchRequest[], opts?: CallOptions): Promise<Result<ResponseMessage[]>> {
    const session = this.#session;
    if (!session || this.#state.connection.status !== 'connected') {
      return Promise.resolve(fail(appError('OBS_NOT_CONNECTED')));
    }
    return session.callBatch(
      requests,
      opts?.timeoutMs ?? this.#requestTimeoutMs,
      opts?.notReadyWaitMs ?? this.#notReadyWaitMs,
    );
  }

  /** Disconnects for good: no timers, no socket, no reconnect; connect() is ignored after. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const session = this.#session;
    this.#stop();
    this.#setState({ ...emptyMirror(), connection: disconnected(this.#state.connection.address, null) });
    if (session) await session.terminate(appError('OBS_NOT_CONNECTED'));
  }

  // ---- connecting -------------------------------------------------------------------------

  #startAttempt(status: 'connecting' | 'reconnecting'): void {
    this.#attempt(status).catch((error: unknown) => {
      // A bug, not an expected failure: log it and keep the app alive.
      this.#logger.error('OBS connection attempt crashed', { error: String(error) });
    });
  }

  async #attempt(status: 'connecting' | 'reconnecting'): Promise<void> {
    const target = this.#target;
    if (!target) return;
    const session: ObsSession = new ObsSession(
      {
        url: target.address,
        password: target.password,
        connectTimeoutMs: this.#connectTimeoutMs,
        requestTimeoutMs: this.#requestTimeoutMs,
        notReadyWaitMs: this.#notReadyWaitMs,
        notReadyRetryMs: this.#notReadyRetryMs,
        notReadyNoticeMs: this.#notReadyNoticeMs,
      },
      {
        onEvent: (event) => {
          if (this.#session === session) this.#onEvent(session, event);
        },
        onClosed: (code) => {
          if (this.#session === session) this.#onSessionClosed(code);
        },
        lossError: () => this.#lossError(),
        onMeters: (data) => {
          if (this.#session !== session) return;
          for (const listener of [...this.#meterListeners]) listener(data);
        },
        onNotReady: (waiting) => {
          if (this.#session === session) this.#setObsLoading(waiting);
        },
      },
    );
    this.#session = session;
    // Events before the first load are covered by it: hold them (see #reload).
    this.#loading = true;
    this.#queued = [];
    // Trying again is the user's "act" after a kick or a password failure: auto-retry is back on.
    this.#setConnection({ status, autoReconnect: true, nextAttemptAt: null });

    const outcome = await session.open(target.address);
    if (this.#session !== session) return; // replaced or closed meanwhile
    if (!outcome.ok) {
      this.#session = null;
      this.#logFailure(outcome.verdict.error, outcome.detail);
      this.#onFailure(outcome.verdict);
      return;
    }
    this.#logger.info('Connected to OBS', { address: target.address });
    this.#lastLoggedFailure = null;
    await this.#reload(session);
  }

  /**
   * Reads the whole mirror; the session counts as connected once this succeeds. Events that
   * arrived before the read was sent are in its reply; those that arrive while it is in
   * flight may or may not be, so they are queued and replayed onto it (replays are harmless).
   */
  async #reload(session: ObsSession): Promise<void> {
    const generation = ++this.#loadGeneration;
    this.#loading = true;
    this.#queued = [];
    // Right after connecting, OBS 30+ may still be loading (207): wait for it, up to startupWaitMs.
    const loaded = await loadMirror({
      callBatch: (requests) => session.callBatch(requests, this.#requestTimeoutMs, this.#startupWaitMs),
    });
    if (this.#session !== session || generation !== this.#loadGeneration) return;
    if (!loaded.ok) {
      // A link whose state cannot be read is no use to anyone: start over with a new one.
      this.#logger.warn('Could not read the state of OBS', { error: loaded.error.code });
      this.#session = null;
      this.#loading = false;
      void session.terminate(loaded.error);
      this.#onFailure({ error: loaded.error, retry: true });
      return;
    }
    const queued = this.#queued;
    this.#queued = [];
    this.#loading = false;
    this.#failures = 0;
    this.#setState({
      ...loaded.value,
      connection: {
        ...this.#state.connection,
        status: 'connected',
        error: null,
        autoReconnect: true,
        nextAttemptAt: null,
      },
    });
    for (const event of queued) this.#applyEvent(session, event);
    if (this.#meterListeners.size > 0) this.#syncMeterSubscription();
  }

  /** After a failed attempt or a lost session: wait and retry, or stop for the user. */
  #onFailure({ error, retry }: FailureVerdict): void {
    const address = this.#state.connection.address;
    if (!retry) {
      this.#setState({ ...emptyMirror(), connection: disconnected(address, error) });
      return;
    }
    // While OBS is merely not back yet, keep saying the link was lost (and whether OBS was live).
    const previous = this.#state.connection.error;
    const shown = previous?.code === 'OBS_CONNECTION_LOST' && error.code === 'OBS_UNREACHABLE' ? previous : error;
    this.#failures += 1;
    const delay = backoffDelay(this.#failures, this.#maxBackoffMs);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.#startAttempt('reconnecting');
    }, delay);
    this.#setState({
      ...emptyMirror(),
      connection: {
        status: 'reconnecting',
        address,
        error: shown,
        autoReconnect: true,
        nextAttemptAt: Date.now() + delay,
      },
    });
  }

  #onSessionClosed(code: number): void {
    const { stream, record } = this.#state;
    this.#session = null;
    this.#loading = false;
    this.#queued = [];
    const verdict = classifySessionClose({
      address: this.#state.connection.address,
      code,
      wasStreaming: stream.active,
      wasRecording: record.active,
    });
    this.#logger.warn('Lost the connection to OBS', { code, error: verdict.error.code, wasStreaming: stream.active });
    this.#lastLoggedFailure = verdict.error.code;
    this.#onFailure(verdict);
  }

  /** Cancels the attempt, socket and timer in progress (not the target). */
  #stop(): void {
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    const session = this.#session;
    this.#session = null;
    this.#loading = false;
    this.#queued = [];
    this.#endCollectionChange();
    this.#loadGeneration += 1;
    if (session) void session.terminate(appError('OBS_NOT_CONNECTED'));
  }

  #lossError(): AppError {
    return appError('OBS_CONNECTION_LOST', {
      wasStreaming: this.#state.stream.active,
      wasRecording: this.#state.record.active,
    });
  }

  /** Logs each kind of failure once per outage, not once per retry. */
  #logFailure(error: AppError, detail: string): void {
    if (this.#lastLoggedFailure === error.code) return;
    this.#lastLoggedFailure = error.code;
    this.#logger.warn('Could not connect to OBS', {
      address: this.#state.connection.address,
      error: error.code,
      detail,
    });
  }

  // ---- events -----------------------------------------------------------------------------

  #onEvent(session: ObsSession, event: MirrorEvent): void {
    switch (event.type) {
      case 'ExitStarted':
        // OBS is quitting: say so now rather than when its socket finally closes.
        this.#logger.info('OBS is closing');
        void session.terminate();
        this.#onSessionClosed(1001);
        return;
      case 'CurrentSceneCollectionChanging':
        this.#collectionChanging = true;
        // OBS 32 was seen to send no ...Changed after a collection switch that followed studio
        // mode: the mirror must not stay frozen, so it reads OBS anyway after a while.
        if (this.#collectionTimer) clearTimeout(this.#collectionTimer);
        this.#collectionTimer = setTimeout(() => {
          this.#collectionTimer = null;
          if (this.#session !== session || !this.#collectionChanging) return;
          this.#logger.info('OBS announced no end of its scene collection change; reading OBS again');
          this.#onEvent(session, { type: 'CurrentSceneCollectionChanged', data: { sceneCollectionName: '' } });
        }, COLLECTION_CHANGE_WAIT_MS);
        return;
      case 'CurrentSceneCollectionChanged':
        // Another collection: other scenes, inputs, everything. Read it all again.
        this.#endCollectionChange();
        this.#reload(session).catch((error: unknown) => {
          this.#logger.error('Reloading the OBS state crashed', { error: String(error) });
        });
        return;
      default:
        // Mid-switch, OBS tears one collection down and builds the next: applying that would
        // show half-switched states (new scenes, old program scene). The reload covers it.
        if (this.#collectionChanging) return;
        if (this.#loading) this.#queued.push(event);
        else this.#applyEvent(session, event);
    }
  }

  #endCollectionChange(): void {
    this.#collectionChanging = false;
    if (this.#collectionTimer) clearTimeout(this.#collectionTimer);
    this.#collectionTimer = null;
  }

  #applyEvent(session: ObsSession, event: MirrorEvent): void {
    this.#setMirror(applyMirrorEvent(mirrorOf(this.#state), event));
    if (event.type === 'StudioModeStateChanged' && event.data.studioModeEnabled) {
      // 5.1 announces no preview scene when studio mode turns on: ask.
      this.#followUp(session, async () => {
        const reply = await session.call('GetCurrentPreviewScene', undefined);
        if (!reply.ok) this.#logger.warn('Could not read the preview scene', { error: reply.error.code });
        if (!reply.ok || this.#session !== session) return;
        const mirror = mirrorOf(this.#state);
        if (mirror.studioMode && mirror.previewScene === null) {
          this.#setMirror({ ...mirror, previewScene: reply.value.currentPreviewSceneName });
        }
      });
    }
    if (event.type === 'InputCreated') {
      const { inputName } = event.data;
      this.#followUp(session, async () => {
        // Fails (604) for inputs without audio: their `muted` stays null.
        let reply = await session.call('GetInputMute', { inputName });
        // OBS 29 was seen to announce an input before it could be found by name (600): ask
        // again shortly, while the input is still there, so a new mic does not stay "unknown".
        for (let attempt = 1; attempt <= NEW_INPUT_RETRIES && isNotFound(reply); attempt += 1) {
          await new Promise((resolve) => setTimeout(resolve, NEW_INPUT_RETRY_MS));
          if (this.#session !== session || !mirrorOf(this.#state).inputs.some((i) => i.name === inputName)) return;
          reply = await session.call('GetInputMute', { inputName });
        }
        if (!reply.ok && reply.error.code !== 'OBS_REQUEST_FAILED') {
          this.#logger.warn('Could not read the mute state of a new input', { error: reply.error.code });
        } else if (!reply.ok) {
          // Expected for inputs without audio (604); any other status explains a mute state left unknown.
          this.#logger.info('No mute state for a new input', { status: reply.error.params?.status ?? null });
        }
        if (!reply.ok || this.#session !== session) return;
        const muted = reply.value.inputMuted;
        const mirror = mirrorOf(this.#state);
        // Only fill in the unknown: an InputMuteStateChanged that came meanwhile is newer.
        const inputs = mirror.inputs.map((i) => (i.name === inputName && i.muted === null ? { ...i, muted } : i));
        this.#setMirror({ ...mirror, inputs });
      });
    }
  }

  /** Requests that complete an event's picture; failures only leave a detail unknown. */
  #followUp(session: ObsSession, work: () => Promise<void>): void {
    work().catch((error: unknown) => {
      this.#logger.error('OBS follow-up request crashed', { error: String(error), open: session.isOpen });
    });
  }

  // ---- state ------------------------------------------------------------------------------

  #setMirror(mirror: MirrorData): void {
    this.#setState({ ...mirror, connection: this.#state.connection });
  }

  /** The "OBS is starting" notice: present only while OBS keeps answering 207. */
  #setObsLoading(loading: boolean): void {
    const { obsLoading: _was, ...connection } = this.#state.connection;
    this.#setState({ ...this.#state, connection: loading ? { ...connection, obsLoading: true } : connection });
  }

  #setConnection(change: Partial<Connection>): void {
    this.#setState({ ...this.#state, connection: { ...this.#state.connection, ...change } });
  }

  #setState(next: ObsState): void {
    // Events that change nothing (e.g. replayed ones) do not wake every listener.
    if (JSON.stringify(next) === JSON.stringify(this.#state)) return;
    const state = deepFreeze(structuredClone(next));
    this.#state = state;
    for (const listener of [...this.#listeners]) {
      // A listener that called connect() & co. has already sent everyone a newer state.
      if (this.#state !== state) return;
      try {
        listener(state);
      } catch (error) {
        this.#logger.error('An OBS state listener failed', { error: String(error) });
      }
    }
  }
}

/** How long a scene collection change may take before the mirror is read without its end event. */
const COLLECTION_CHANGE_WAIT_MS = 3000;
/** Asking again for a new input's mute state when OBS cannot find it yet (status 600). */
const NEW_INPUT_RETRIES = 5;
const NEW_INPUT_RETRY_MS = 100;
const RESOURCE_NOT_FOUND = 600;
const isNotFound = (reply: Result<unknown>): boolean =>
  !reply.ok && reply.error.code === 'OBS_REQUEST_FAILED' && reply.error.params?.status === RESOURCE_NOT_FOUND;

function disconnected(address: string, error: AppError | null): Connection {
  return { status: 'disconnected', address, error, autoReconnect: false, nextAttemptAt: null };
}

function mirrorOf(state: ObsState): MirrorData {
  const { connection: _connection, ...mirror } = state;
  return mirror;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
