import { afterEach, describe, expect, it } from 'vitest';
import { startFakeObsServer, type FakeObsServer } from '../../support/fake-obs-server';
import { waitFor } from '../../support/wait-for';
import { Controllers, isConnected, recordStates, waitForState } from './controller-test-helpers';

/**
 * 207 NotReady for as long as a test needs, which a real OBS does not do on cue (it is not
 * ready for a moment after starting and during a collection switch; see
 * obs-controller.startup.obs.test.ts for the real thing).
 */

const controllers = new Controllers();
const servers: FakeObsServer[] = [];

afterEach(async () => {
  await controllers.closeAll();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function notReadyServer(): Promise<FakeObsServer> {
  const server = await startFakeObsServer('obs');
  servers.push(server);
  server.setNotReady(true);
  return server;
}

const fast = { notReadyRetryMs: 20, notReadyNoticeMs: 200 };

/** A fake OBS that answers, and a controller connected to it. */
async function connectedToReadyServer() {
  const server = await startFakeObsServer('obs');
  servers.push(server);
  const controller = controllers.create(fast);
  controller.connect(server.address, null);
  await waitForState(controller, isConnected, 'connected');
  return { server, controller };
}

describe('ObsController while OBS is not ready (207)', () => {
  it('waits at connect, says "OBS is starting" after a moment, then connects with no error', async () => {
    const server = await notReadyServer();
    const controller = controllers.create(fast);
    const states = recordStates(controller);
    controller.connect(server.address, null);
    const starting = await waitForState(controller, (s) => s.connection.obsLoading === true, 'the starting notice');
    expect(starting.connection).toMatchObject({ status: 'connecting', error: null });
    server.setNotReady(false);
    const connected = await waitForState(controller, isConnected, 'connected once OBS is ready');
    expect(connected.connection).toEqual({
      status: 'connected',
      address: server.address,
      error: null,
      autoReconnect: true,
      nextAttemptAt: null,
    });
    expect(connected.versions?.obsVersion).toBe('29.0.2-fake');
    // One session all along, and never an error on the way.
    expect(server.connections).toBe(1);
    expect(states.every((s) => s.connection.error === null)).toBe(true);
  });

  it('a short 207 burst shows no notice', async () => {
    const server = await notReadyServer();
    const controller = controllers.create({ notReadyRetryMs: 20, notReadyNoticeMs: 5000 });
    const states = recordStates(controller);
    controller.connect(server.address, null);
    await waitFor(() => server.requests.length >= 3, { message: 'a few 207s' });
    server.setNotReady(false);
    await waitForState(controller, isConnected, 'connected');
    expect(states.some((s) => s.connection.obsLoading)).toBe(false);
  });

  it('not ready past the startup deadline: OBS_NOT_READY, and it keeps trying by itself', async () => {
    const server = await notReadyServer();
    const controller = controllers.create({ ...fast, startupWaitMs: 300, maxBackoffMs: 50 });
    controller.connect(server.address, null);
    const failed = await waitForState(controller, (s) => s.connection.error?.code === 'OBS_NOT_READY', 'OBS_NOT_READY');
    expect(failed.connection).toMatchObject({
      status: 'reconnecting',
      error: { code: 'OBS_NOT_READY', params: { request: 'RequestBatch' } },
      autoReconnect: true,
    });
    server.setNotReady(false);
    const connected = await waitForState(controller, isConnected, 'connected once OBS is ready');
    expect(connected.connection.error).toBeNull();
  });

  it('call() and callBatch() while connected: sent again until OBS is ready, the batch as a whole', async () => {
    const { server, controller } = await connectedToReadyServer();

    server.setNotReady(true);
    const seen = server.requests.length;
    const call = controller.call('GetVersion');
    const batch = controller.callBatch([{ requestType: 'GetStudioModeEnabled' }, { requestType: 'GetRecordStatus' }]);
    await waitForState(controller, (s) => s.connection.obsLoading === true, 'the loading notice');
    expect(controller.state.connection.status).toBe('connected');
    server.setNotReady(false);

    const version = await call;
    expect(version.ok && version.value.obsVersion).toBe('29.0.2-fake');
    const results = await batch;
    expect(results.ok && results.value.map((r) => r.requestStatus.code)).toEqual([100, 100]);
    // Each batch attempt was sent whole: the items come in pairs, 207s first.
    const batchItems = server.requests.slice(seen).filter((r) => r.requestType !== 'GetVersion');
    expect(batchItems.length % 2).toBe(0);
    expect(batchItems.slice(-2)).toEqual([
      { requestType: 'GetStudioModeEnabled', status: 100 },
      { requestType: 'GetRecordStatus', status: 100 },
    ]);
    await waitForState(controller, (s) => s.connection.obsLoading === undefined, 'the notice gone');
  });

  it('a call OBS is never ready for: OBS_NOT_READY after its deadline, and the link stays', async () => {
    const { server, controller } = await connectedToReadyServer();
    server.setNotReady(true);
    const started = Date.now();
    await expect(controller.call('StartStream', undefined, { notReadyWaitMs: 300 })).resolves.toEqual({
      ok: false,
      error: { code: 'OBS_NOT_READY', params: { request: 'StartStream' } },
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(isConnected(controller.state)).toBe(true);
  });

  it('the socket drops while a call waits: the call fails at once with the loss', async () => {
    const server = await notReadyServer();
    server.setNotReady(false);
    const controller = controllers.create(fast);
    controller.connect(server.address, null);
    await waitForState(controller, isConnected, 'connected');
    server.setNotReady(true);
    const call = controller.call('GetVersion');
    await waitFor(() => server.requests.some((r) => r.requestType === 'GetVersion' && r.status === 207), {
      message: 'a 207 for the call',
    });
    server.kick(1011, 'gone');
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'OBS_CONNECTION_LOST' } });
  });
});
