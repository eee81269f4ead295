import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../src/core/app-core';
import { MemoryDocumentStore } from '../../src/core/settings/memory-document-store';
import type { ObsState } from '../../src/shared/obs-state';
import type { Result } from '../../src/shared/result';
import { MemorySecretStore } from '../support/memory-secret-store';
import { createScenes, startObs, withRawObs, type RunningObs } from '../support/obs-studio';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { waitFor } from '../support/wait-for';
import { scaled } from '../support/timeouts';

/**
 * The WebSocket to OBS cut mid-request, through a TCP proxy the test controls, in front of a
 * real OBS. The request timeout is set far beyond the test's deadlines, so a prompt failure
 * can only come from the core failing requests in flight when the socket drops.
 */
describe('fault: the link to OBS cut mid-request', () => {
  let obs: RunningObs;
  let proxy: TcpProxy;
  let core: AppCore;
  let state: ObsState | null = null;
  const statuses: string[] = [];

  async function call<T>(name: string, params?: unknown): Promise<Result<T>> {
    return (await core.handle(name, params)) as Result<T>;
  }

  beforeAll(async () => {
    obs = await startObs();
    await createScenes(obs.address, obs.password, ['Scen A', 'Scen B']);
    proxy = await startTcpProxy(obs.port);
    core = createAppCore({
      settings: new MemoryDocumentStore(),
      secrets: new MemorySecretStore(),
      version: 'test',
      obs: { requestTimeoutMs: 60_000, connectTimeoutMs: 10_000 },
    });
    core.subscribe((name, payload) => {
      if (name !== 'obs.state') return;
      state = payload as ObsState;
      if (statuses.at(-1) !== state.connection.status) statuses.push(state.connection.status);
    });
    core.start();
    const saved = await call('settings.saveConnection', {
      address: proxy.address,
      password: { action: 'set', value: obs.password },
    });
    expect(saved.ok).toBe(true);
    await waitFor(() => state?.connection.status === 'connected' && state.scenes.length >= 2, {
      timeoutMs: scaled(30_000),
      message: 'core connected to OBS through the proxy',
    });
  });

  afterAll(async () => {
    await core?.stop();
    await proxy?.close();
    await obs?.stop();
  });

  it('fails the request in flight promptly with OBS_CONNECTION_LOST, shows the link lost, then reconnects and resyncs by itself', async () => {
    // Stall the link, then send a request: its bytes reach the proxy and go no further.
    proxy.setMode('hold');
    const startedAt = Date.now();
    const pending = call('obs.switchScene', { sceneName: 'Scen B' });
    let settled = false;
    void pending.finally(() => (settled = true));
    await waitFor(() => proxy.heldBytes > 0, { message: 'the request held at the proxy' });
    expect(settled).toBe(false);

    // Cut the link while the request is in flight; keep new connections out for now.
    proxy.setMode('refuse');
    proxy.cut();
    const result = await Promise.race([
      pending,
      new Promise<'hang'>((resolve) => setTimeout(() => resolve('hang'), 20_000)),
    ]);
    expect(result, 'the request hung after the link was cut').not.toBe('hang');
    expect(result).toMatchObject({ ok: false, error: { code: 'OBS_CONNECTION_LOST' } });
    // Far below the 60 s request timeout: it failed because the link dropped.
    expect(Date.now() - startedAt).toBeLessThan(30_000);

    await waitFor(() => state && state.connection.status !== 'connected', { message: 'state shows the link lost' });
    const lost = await call<ObsState>('obs.getState');
    expect(lost.ok && lost.value.connection.status).not.toBe('connected');
    expect(lost.ok && lost.value.connection.error?.code).toBe('OBS_CONNECTION_LOST');
    expect(lost.ok && lost.value.connection.autoReconnect).toBe(true);

    // A request while the link is down fails at once with a clear code, no hang.
    const whileDown = await call('obs.switchScene', { sceneName: 'Scen B' });
    expect(whileDown).toMatchObject({ ok: false });
    expect(['OBS_NOT_CONNECTED', 'OBS_CONNECTION_LOST']).toContain(!whileDown.ok && whileDown.error.code);

    // Meanwhile someone changes OBS directly: the core must pick it up when it is back.
    await createScenes(obs.address, obs.password, ['Scen C']);
    await withRawObs(obs.address, obs.password, (raw) => raw.call('SetCurrentProgramScene', { sceneName: 'Scen C' }));

    proxy.setMode('forward');
    await waitFor(() => state?.connection.status === 'connected', {
      timeoutMs: scaled(30_000),
      message: 'core reconnected by itself',
    });
    await waitFor(() => state?.scenes.some((s) => s.name === 'Scen C') && state.programScene === 'Scen C', {
      timeoutMs: scaled(15_000),
      message: 'mirror resynced (new scene, new program scene)',
    });
    expect(state?.connection.error).toBeNull();
    expect(statuses).toContain('reconnecting');

    // And requests work again over the new link.
    const switched = await call('obs.switchScene', { sceneName: 'Scen A' });
    expect(switched).toEqual({ ok: true, value: null });
    await waitFor(() => state?.programScene === 'Scen A', { message: 'OBS reports the switch' });
  });

  it('a stalled link cut again, with the proxy open at once: the request fails, and the core reconnects with no click', async () => {
    proxy.setMode('hold');
    const pending = call('obs.switchScene', { sceneName: 'Scen B' });
    await waitFor(() => proxy.heldBytes > 0, { message: 'the request held at the proxy' });
    // This time new connections are allowed straight away: recovery must not need a click.
    proxy.cut();
    proxy.setMode('forward');
    const result = await pending;
    expect(result).toMatchObject({ ok: false, error: { code: 'OBS_CONNECTION_LOST' } });
    await waitFor(() => state?.connection.status === 'connected', {
      timeoutMs: scaled(30_000),
      message: 'reconnected',
    });
    expect(state?.programScene).toBe('Scen A');
  });
});
