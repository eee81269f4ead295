import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ObsController } from '../../../src/core/obs/obs-controller';
import { createScenes, startObs, withRawObs, type RunningObs } from '../../support/obs-studio';
import { waitFor } from '../../support/wait-for';
import { Controllers, isConnected, recordStates, waitForState } from './controller-test-helpers';
import { scaled } from '../../support/timeouts';

/**
 * Against one real OBS that gets frozen (SIGSTOP), killed and restarted: timeouts, requests
 * in flight when OBS dies, losing and regaining the link with no user action.
 */

let obs: RunningObs;
let main: ObsController;
const shared = new Controllers();
const perTest = new Controllers();

beforeAll(async () => {
  obs = await startObs();
  await createScenes(obs.address, obs.password, ['Talk']);
  main = shared.create({ requestTimeoutMs: 1000 });
  main.connect(obs.address, obs.password);
  await waitForState(main, isConnected, 'main controller connected', scaled(15_000));
});

afterEach(async () => {
  await perTest.closeAll();
  obs.resume(); // in case a test failed while OBS was frozen
});

afterAll(async () => {
  await shared.closeAll();
  await obs?.stop();
});

describe('ObsController when OBS misbehaves', () => {
  it('a request OBS does not answer in time: OBS_REQUEST_TIMEOUT, and the link survives', async () => {
    obs.pause();
    try {
      let started = Date.now();
      await expect(main.call('GetStats', undefined, { timeoutMs: 300 })).resolves.toEqual({
        ok: false,
        error: { code: 'OBS_REQUEST_TIMEOUT', params: { request: 'GetStats' } },
      });
      expect(Date.now() - started).toBeLessThan(1500);
      // Without a per-call timeout the controller's requestTimeoutMs (1000 here) applies.
      started = Date.now();
      await expect(main.switchScene('Talk')).resolves.toEqual({
        ok: false,
        error: { code: 'OBS_REQUEST_TIMEOUT', params: { request: 'SetCurrentProgramScene' } },
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(main.state.connection.status).toBe('connected');
    } finally {
      obs.resume();
    }
    // OBS catches up: the late switch happens, and the mirror hears of it.
    await waitForState(main, (s) => s.programScene === 'Talk', 'late switch reflected');
    const stats = await main.call('GetStats');
    expect(stats.ok).toBe(true);
  });

  it('OBS killed while recording: lost within 2 s (saying it was recording); back by itself after a restart', async () => {
    await withRawObs(obs.address, obs.password, (raw) => raw.call('StartRecord'));
    await waitForState(main, (s) => s.record.state === 'recording', 'mirror shows recording');
    const states = recordStates(main);

    const lost = waitForState(main, (s) => s.connection.status !== 'connected', 'link lost', 2000);
    await obs.kill();
    const afterLoss = await lost;
    expect(afterLoss.connection).toMatchObject({
      status: 'reconnecting',
      error: { code: 'OBS_CONNECTION_LOST', params: { wasStreaming: false, wasRecording: true } },
      autoReconnect: true,
    });
    // Nothing stale that could mislead: no versions, scenes or inputs of an OBS that is gone.
    expect(afterLoss).toMatchObject({ versions: null, scenes: [], programScene: null, inputs: [] });
    // While OBS is down the error keeps saying the link was lost (and that OBS was recording).
    const waiting = await waitForState(main, (s) => s.connection.nextAttemptAt !== null, 'retry scheduled');
    expect(waiting.connection.error?.code).toBe('OBS_CONNECTION_LOST');

    // A controller started while OBS is not running (the app started before OBS).
    const early = perTest.create();
    early.connect(obs.address, obs.password);
    const unreachable = await waitForState(early, (s) => s.connection.nextAttemptAt !== null, 'early one waiting');
    expect(unreachable.connection).toMatchObject({ status: 'reconnecting', error: { code: 'OBS_UNREACHABLE' } });

    await obs.restart();
    const [back] = await Promise.all([
      waitForState(main, isConnected, 'main reconnected by itself', scaled(15_000)),
      waitForState(early, isConnected, 'early controller connected', scaled(15_000)),
    ]);
    expect(back.connection.error).toBeNull();
    expect(back.versions?.rpcVersion).toBe(1);
    expect(back.record).toEqual({ active: false, state: 'off' });
    await withRawObs(obs.address, obs.password, async (raw) => {
      const list = await raw.call('GetSceneList');
      expect(back.programScene).toBe(list.currentProgramSceneName);
      expect(back.scenes.map((s) => s.name)).toEqual(list.scenes.map((s) => s.sceneName).reverse());
    });
    expect(early.state.scenes).toEqual(back.scenes);
    // It went through 'reconnecting' with scheduled attempts, never asked the user for anything.
    expect(states.every((s) => s.connection.autoReconnect)).toBe(true);
  });

  it('a request in flight when OBS dies fails at once with OBS_CONNECTION_LOST', async () => {
    await waitForState(main, isConnected, 'connected');
    obs.pause();
    const inFlight = main.call('GetStats', undefined, { timeoutMs: scaled(20_000) });
    const started = Date.now();
    await obs.kill();
    const result = await inFlight;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toEqual({
      ok: false,
      error: { code: 'OBS_CONNECTION_LOST', params: { wasStreaming: false, wasRecording: false } },
    });
    await expect(main.call('GetStats')).resolves.toEqual({ ok: false, error: { code: 'OBS_NOT_CONNECTED' } });

    await obs.restart();
    await waitForState(main, isConnected, 'reconnected', scaled(15_000));
    await waitFor(async () => (await main.call('GetStats')).ok, { message: 'requests work again' });
  });
});
