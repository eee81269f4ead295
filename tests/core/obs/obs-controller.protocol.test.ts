import { afterEach, describe, expect, it } from 'vitest';
import { startFakeObsServer, type FakeObsServer } from '../../support/fake-obs-server';
import { freePort } from '../../support/obs-studio';
import { waitFor } from '../../support/wait-for';
import { Controllers, isConnected, observeFor, recordStates, waitForState } from './controller-test-helpers';

/**
 * Controller behaviour that needs no real OBS: bad addresses, nothing listening, servers
 * that are not obs-websocket v5, kicks, and cleaning up. Real OBS is in obs-controller*.test.ts.
 */

const controllers = new Controllers();
const servers: FakeObsServer[] = [];
const fake = async (...args: Parameters<typeof startFakeObsServer>): Promise<FakeObsServer> => {
  const server = await startFakeObsServer(...args);
  servers.push(server);
  return server;
};

afterEach(async () => {
  await controllers.closeAll();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('ObsController without OBS', () => {
  it('refuses a malformed address at once and does not retry', async () => {
    const controller = controllers.create({ maxBackoffMs: 50 });
    const states = recordStates(controller);
    controller.connect('http://127.0.0.1:4455', 'pw');
    expect(controller.state.connection).toEqual({
      status: 'disconnected',
      address: 'http://127.0.0.1:4455',
      error: { code: 'OBS_ADDRESS_INVALID', params: { address: 'http://127.0.0.1:4455' } },
      autoReconnect: false,
      nextAttemptAt: null,
    });
    controller.reconnectNow(); // nothing to try until the address is fixed
    await observeFor(300);
    expect(states).toHaveLength(1);
  });

  it('answers calls with OBS_NOT_CONNECTED at once while not connected', async () => {
    const controller = controllers.create();
    await expect(controller.call('GetVersion')).resolves.toEqual({ ok: false, error: { code: 'OBS_NOT_CONNECTED' } });
    controller.connect(`ws://127.0.0.1:${await freePort()}`, null);
    const started = Date.now();
    await expect(controller.switchScene('Scene')).resolves.toEqual({ ok: false, error: { code: 'OBS_NOT_CONNECTED' } });
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('nothing listening: OBS_UNREACHABLE, keeps retrying with backoff, connects once a server comes up', async () => {
    const port = await freePort();
    const controller = controllers.create({ maxBackoffMs: 100 });
    const states = recordStates(controller);
    const before = Date.now();
    controller.connect(`127.0.0.1:${port}`, null);
    const waiting = await waitForState(controller, (s) => s.connection.nextAttemptAt !== null, 'a scheduled retry');
    expect(waiting.connection).toMatchObject({
      status: 'reconnecting',
      address: `ws://127.0.0.1:${port}`,
      error: { code: 'OBS_UNREACHABLE', params: { address: `ws://127.0.0.1:${port}` } },
      autoReconnect: true,
    });
    expect(waiting.connection.nextAttemptAt).toBeGreaterThanOrEqual(before);
    // Several attempts, each announced with its time.
    await waitFor(() => new Set(states.map((s) => s.connection.nextAttemptAt).filter((t) => t !== null)).size >= 4, {
      message: 'four scheduled retries',
    });

    const server = await fake('obs', { port });
    const connected = await waitForState(controller, isConnected, 'connected to the late server');
    expect(connected.connection.error).toBeNull();
    expect(connected.versions?.obsVersion).toBe('29.0.2-fake');
    expect(server.identified).toBe(1);
  });

  it('a v4-style server (no v5 subprotocol, no Hello): OBS_NOT_V5, no retry', async () => {
    const server = await fake('v4');
    const controller = controllers.create({ maxBackoffMs: 50 });
    controller.connect(server.address, null);
    const state = await waitForState(controller, (s) => s.connection.status === 'disconnected', 'disconnected');
    expect(state.connection).toMatchObject({
      error: { code: 'OBS_NOT_V5', params: { address: server.address } },
      autoReconnect: false,
      nextAttemptAt: null,
    });
    await observeFor(500);
    expect(server.connections).toBe(1);
  });

  it('a WebSocket server that never says Hello: OBS_NOT_V5 after connectTimeoutMs', async () => {
    const server = await fake('silent');
    const controller = controllers.create({ connectTimeoutMs: 300 });
    const started = Date.now();
    controller.connect(server.address, null);
    const state = await waitForState(controller, (s) => s.connection.status === 'disconnected', 'disconnected');
    expect(state.connection.error?.code).toBe('OBS_NOT_V5');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a malformed Hello: OBS_NOT_V5', async () => {
    const server = await fake('malformed-hello');
    const controller = controllers.create();
    controller.connect(server.address, null);
    const state = await waitForState(controller, (s) => s.connection.status === 'disconnected', 'disconnected');
    expect(state.connection).toMatchObject({ error: { code: 'OBS_NOT_V5' }, autoReconnect: false });
  });

  it('kicked (4011): OBS_KICKED, no automatic reconnect; reconnectNow() brings it back', async () => {
    const server = await fake('obs');
    const controller = controllers.create({ maxBackoffMs: 50 });
    controller.connect(server.address, null);
    const connected = await waitForState(controller, isConnected, 'connected');
    expect(connected.scenes).toEqual([{ name: 'Scene' }]);
    expect(connected.programScene).toBe('Scene');

    server.kick(4011);
    const kicked = await waitForState(controller, (s) => s.connection.status === 'disconnected', 'disconnected');
    expect(kicked.connection).toMatchObject({
      error: { code: 'OBS_KICKED' },
      autoReconnect: false,
      nextAttemptAt: null,
    });
    expect(kicked.versions).toBeNull();
    expect(kicked.scenes).toEqual([]);
    await observeFor(500);
    expect(server.connections).toBe(1);

    controller.reconnectNow();
    await waitForState(controller, isConnected, 'connected again');
    expect(server.connections).toBe(2);
  });

  it('a protocol error mid-session: OBS_PROTOCOL_ERROR, then reconnects by itself', async () => {
    const server = await fake('obs');
    const controller = controllers.create({ maxBackoffMs: 50 });
    const states = recordStates(controller);
    controller.connect(server.address, null);
    await waitForState(controller, isConnected, 'connected');
    server.kick(4007, 'Not identified');
    await waitFor(() => states.some((s) => s.connection.error?.code === 'OBS_PROTOCOL_ERROR'), {
      message: 'protocol error shown',
    });
    expect(states.find((s) => s.connection.error?.code === 'OBS_PROTOCOL_ERROR')?.connection.error?.params).toEqual({
      code: 4007,
    });
    await waitFor(() => server.connections === 2 && isConnected(controller.state), { message: 'reconnected' });
  });

  it('ExitStarted (OBS quitting): lost at once, and back by itself while the server is still there', async () => {
    const server = await fake('obs');
    const controller = controllers.create({ maxBackoffMs: 50 });
    const states = recordStates(controller);
    controller.connect(server.address, null);
    await waitForState(controller, isConnected, 'connected');
    await server.emit('ExitStarted');
    await waitFor(() => states.some((s) => s.connection.error?.code === 'OBS_CONNECTION_LOST'), {
      message: 'loss announced',
    });
    await waitFor(() => server.connections === 2 && isConnected(controller.state), { message: 'reconnected' });
  });

  it('another scene collection in OBS: the whole mirror is read again, on the same connection', async () => {
    const server = await fake('obs');
    const controller = controllers.create();
    controller.connect(server.address, null);
    await waitForState(controller, isConnected, 'connected');
    server.setReply('GetSceneList', {
      currentProgramSceneName: 'Storytime',
      currentPreviewSceneName: null,
      scenes: [
        { sceneIndex: 0, sceneName: 'Credits' },
        { sceneIndex: 1, sceneName: 'Storytime' },
      ],
    });
    server.setReply('GetInputList', { inputs: [{ inputName: 'Mic', inputKind: 'pulse_input_capture' }] });
    server.setReply('GetInputMute', { inputMuted: true });
    await server.emit('CurrentSceneCollectionChanging', { sceneCollectionName: 'Storytime' });
    await server.emit('CurrentSceneCollectionChanged', { sceneCollectionName: 'Storytime' });
    const reloaded = await waitForState(controller, (s) => s.programScene === 'Storytime', 'new collection loaded');
    expect(reloaded.scenes.map((s) => s.name)).toEqual(['Storytime', 'Credits']);
    expect(reloaded.inputs).toEqual([{ name: 'Mic', kind: 'pulse_input_capture', muted: true }]);
    expect(reloaded.connection.status).toBe('connected');
    expect(server.connections).toBe(1);
  });

  it('a new input OBS cannot find by name yet (600, seen on OBS 29): asked again, so its mute state is known', async () => {
    const server = await fake('obs');
    const controller = controllers.create();
    controller.connect(server.address, null);
    await waitForState(controller, isConnected, 'connected');
    server.setReply('GetInputMute', { inputMuted: false });
    server.failNext('GetInputMute', 600, 2);
    await server.emit('InputCreated', {
      inputName: 'Podium mic',
      inputKind: 'pulse_input_capture',
      unversionedInputKind: 'pulse_input_capture',
      inputSettings: {},
      defaultInputSettings: {},
    });
    const known = await waitForState(
      controller,
      (s) => s.inputs.some((i) => i.name === 'Podium mic' && i.muted === false),
      'the new mic with its mute state',
    );
    expect(known.inputs).toEqual([{ name: 'Podium mic', kind: 'pulse_input_capture', muted: false }]);
    expect(server.requests.filter((r) => r.requestType === 'GetInputMute').map((r) => r.status)).toEqual([
      600, 600, 100,
    ]);
  });

  it('connect() with the same address and password while connected keeps the link', async () => {
    const server = await fake('obs');
    const controller = controllers.create();
    controller.connect(server.address, 'pw');
    await waitForState(controller, isConnected, 'connected');
    const states = recordStates(controller);
    controller.connect(` ${server.address} `, 'pw');
    expect(states).toEqual([]);
    controller.connect(server.address, 'another pw');
    await waitForState(controller, isConnected, 'connected with the new password');
    expect(server.connections).toBe(2);
  });

  it('connect() with a new address drops the old connection and its timers', async () => {
    const first = await fake('obs');
    const second = await fake('obs');
    const controller = controllers.create({ maxBackoffMs: 50 });
    controller.connect(first.address, null);
    await waitForState(controller, isConnected, 'connected to the first');
    controller.connect(second.address, 'some password');
    await waitForState(
      controller,
      (s) => isConnected(s) && s.connection.address === second.address,
      'connected to the second',
    );
    await waitFor(() => first.identified === 0, { message: 'first server left' });
    await observeFor(300);
    expect(first.connections).toBe(1);
    expect(second.connections).toBe(1);
  });

  it('close() leaves no socket or timer behind and ignores later connects', async () => {
    const activeHandles = (): number =>
      process.getActiveResourcesInfo().filter((r) => r === 'Timeout' || r === 'TCPSocketWrap' || r === 'TCPWRAP')
        .length;
    const server = await fake('obs');
    const port = await freePort();
    const baseline = activeHandles();

    const connected = controllers.create();
    connected.connect(server.address, null);
    await waitForState(connected, isConnected, 'connected');
    const retrying = controllers.create({ maxBackoffMs: 2000 });
    retrying.connect(`ws://127.0.0.1:${port}`, null);
    await waitForState(retrying, (s) => s.connection.nextAttemptAt !== null, 'waiting to retry');
    expect(activeHandles()).toBeGreaterThan(baseline);

    await Promise.all([connected.close(), retrying.close()]);
    expect(connected.state.connection.status).toBe('disconnected');
    expect(retrying.state.connection).toMatchObject({ status: 'disconnected', nextAttemptAt: null });
    await waitFor(() => activeHandles() <= baseline, { message: 'handles back to baseline', timeoutMs: 3000 });
    await waitFor(() => server.identified === 0, { message: 'server sees the client gone' });

    connected.connect(server.address, null);
    expect(connected.state.connection.status).toBe('disconnected');
  });
});
