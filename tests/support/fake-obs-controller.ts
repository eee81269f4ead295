import type { ObsController } from '../../src/core/obs/obs-controller';
import { appError } from '../../src/shared/errors';
import { emptyObsState, type ObsState } from '../../src/shared/obs-state';
import { fail, type Result } from '../../src/shared/result';

type Answer = (requestType: string, requestData?: unknown) => Result<unknown> | Promise<Result<unknown>>;

/**
 * The one in-process stand-in for the OBS controller, for unit tests of the services built on
 * it (checklist, broadcast log, go live): the test sets the state and says what requests
 * answer; nothing goes over a socket. Protocol cases a real OBS cannot produce use the
 * WebSocket-level double next door, fake-obs-server.ts; everything else uses a real OBS.
 */
export class FakeObsController implements Pick<
  ObsController,
  'state' | 'onState' | 'call' | 'reconnectNow' | 'switchScene' | 'watchMeters'
> {
  state: ObsState;
  /** Every request type asked for, in order. */
  readonly calls: string[] = [];
  /** Who watches the meters now (the services watch only while they need them). */
  readonly meterListeners = new Set<(data: unknown) => void>();
  #answer: Answer;
  readonly #listeners = new Set<(s: ObsState) => void>();

  /** By default disconnected at ws://x, and every request fails as if OBS were gone. */
  constructor(options: { address?: string; connected?: boolean; answer?: Answer } = {}) {
    const empty = emptyObsState(options.address ?? 'ws://x');
    this.state = options.connected ? { ...empty, connection: { ...empty.connection, status: 'connected' } } : empty;
    this.#answer = options.answer ?? (() => fail(appError('OBS_NOT_CONNECTED')));
  }

  onState(listener: (s: ObsState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Changes the state and tells every listener, as the controller does on OBS's events. */
  set(change: Partial<ObsState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.#listeners) listener(this.state);
  }

  connection(status: ObsState['connection']['status']): void {
    this.set({ connection: { ...this.state.connection, status } });
  }

  /** What requests answer from now on. */
  answer(answer: Answer): void {
    this.#answer = answer;
  }

  call = (async (requestType: string, requestData?: unknown) => {
    this.calls.push(requestType);
    return this.#answer(requestType, requestData);
  }) as unknown as ObsController['call'];

  reconnectNow(): void {}

  switchScene = async (sceneName: string): Promise<Result<null>> => {
    const answered = await this.call('SetCurrentProgramScene', { sceneName });
    return answered.ok ? { ok: true, value: null } : answered;
  };

  watchMeters(listener: (data: unknown) => void): () => void {
    this.meterListeners.add(listener);
    return () => this.meterListeners.delete(listener);
  }

  /** An InputVolumeMeters event: one input at `peak` on every channel. */
  meters(peak: number, inputName = 'Mic'): void {
    for (const listener of this.meterListeners)
      listener({ inputs: [{ inputName, inputLevelsMul: [[peak, peak, peak]] }] });
  }
}
