import { createAppCore, type AppCore } from '../../src/core/app-core';
import { MemoryDocumentStore } from '../../src/core/settings/memory-document-store';
import type { ObsState } from '../../src/shared/obs-state';
import type { RunningObs } from '../../tests/support/obs-studio';
import { MemorySecretStore } from '../../tests/support/memory-secret-store';

/** The app core in this process, in-memory settings and secrets, connected to `obs`. */
export interface CoreSession {
  core: AppCore;
  /** The latest obs.state event. */
  state(): ObsState | null;
  /** Resolves when the state satisfies `predicate` (checked now and on every obs.state event). */
  waitFor(predicate: (s: ObsState) => boolean, timeoutMs: number, what: string): Promise<ObsState>;
  stop(): Promise<void>;
}

export async function startCore(obs: RunningObs): Promise<CoreSession> {
  const core = createAppCore({
    settings: new MemoryDocumentStore(),
    secrets: new MemorySecretStore(),
    version: 'bench',
  });
  let latest: ObsState | null = null;
  const waiters = new Set<() => void>();
  core.subscribe((name, payload) => {
    if (name !== 'obs.state') return;
    latest = payload as ObsState;
    for (const w of [...waiters]) w();
  });
  const waitFor = (predicate: (s: ObsState) => boolean, timeoutMs: number, what: string): Promise<ObsState> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (latest && predicate(latest)) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(latest);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(
          new Error(
            `core: timed out after ${timeoutMs} ms waiting for ${what} (status ${latest?.connection.status ?? 'none'})`,
          ),
        );
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  core.start();
  const saved = await core.handle('settings.saveConnection', {
    address: obs.address,
    password: obs.password ? { action: 'set', value: obs.password } : { action: 'clear' },
  });
  if (!saved.ok) {
    await core.stop();
    throw new Error(`saveConnection failed: ${JSON.stringify(saved.error)}`);
  }
  const session: CoreSession = { core, state: () => latest, waitFor, stop: () => core.stop() };
  try {
    await waitFor((s) => s.connection.status === 'connected', 30_000, 'connected');
  } catch (error) {
    await core.stop();
    throw error;
  }
  return session;
}
