import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../src/core/app-core';
import { ProgramPictureLoop } from '../../../src/core/live/program-picture';
import { ObsController } from '../../../src/core/obs/obs-controller';
import { silentLogger } from '../../../src/core/ports';
import { MemoryDocumentStore } from '../../../src/core/settings/memory-document-store';
import type { ProgramPicture } from '../../../src/shared/live/live-state';
import type { ObsState } from '../../../src/shared/obs-state';
import type { Result } from '../../../src/shared/result';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { startObs, withRawObs, type RunningObs } from '../../support/obs-studio';
import { scaled } from '../../support/timeouts';
import { waitFor } from '../../support/wait-for';

/** A scene filled with one colour: its pictures differ from the other scene's. */
async function colourScene(obs: RunningObs, sceneName: string, color: number): Promise<void> {
  await withRawObs(obs.address, obs.password, async (raw) => {
    await raw.call('CreateScene', { sceneName });
    await raw.call('CreateInput', {
      sceneName,
      inputName: `${sceneName} färg`,
      inputKind: 'color_source_v3',
      inputSettings: { color, width: 1920, height: 1080 },
    });
  });
}

/**
 * The program monitor against a real OBS: one screenshot loop however many clients watch,
 * pictures that follow the program scene, preview and program in studio mode, and a loop that
 * stops by itself when nobody renews the lease.
 */
describe('the program picture loop with real OBS', () => {
  let obs: RunningObs;
  let core: AppCore;
  const pictures: ProgramPicture[] = [];
  let state: ObsState | null = null;

  const must = async <T>(name: string, params?: unknown): Promise<T> => {
    const result = (await core.handle(name, params)) as Result<T>;
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  /** The newest picture, once it is one `wanted` accepts. */
  const newest = (wanted: (p: ProgramPicture) => boolean) => () => {
    const picture = pictures.at(-1);
    return picture && wanted(picture) ? picture : null;
  };

  beforeAll(async () => {
    obs = await startObs();
    await colourScene(obs, 'Röd', 0xff0000ff);
    await colourScene(obs, 'Blå', 0xffff0000);
    await withRawObs(obs.address, obs.password, (raw) => raw.call('SetCurrentProgramScene', { sceneName: 'Röd' }));
    core = createAppCore({ settings: new MemoryDocumentStore(), secrets: new MemorySecretStore(), version: 'test' });
    core.subscribe((name, payload) => {
      if (name === 'live.program') pictures.push(payload as ProgramPicture);
      if (name === 'obs.state') state = payload as ObsState;
    });
    core.start();
    await must('settings.saveConnection', { address: obs.address, password: { action: 'set', value: obs.password } });
    await waitFor(() => state?.connection.status === 'connected' && state.programScene === 'Röd', {
      timeoutMs: scaled(20_000),
      message: 'connected',
    });
  });

  afterAll(async () => {
    await core?.stop();
    await obs?.stop();
  });

  it('sends JPEG pictures of the scene on air while watched, and follows a switch', async () => {
    const lease = await must<{ untilMs: number }>('live.watchProgram');
    expect(lease.untilMs).toBeGreaterThan(Date.now());
    const red = await waitFor(
      newest((p) => p.program.sceneName === 'Röd'),
      { message: 'a red picture' },
    );
    expect(red.program.imageData).toMatch(/^data:image\/jpe?g;base64,/);
    expect(red.preview).toBeNull();
    await must('obs.switchScene', { sceneName: 'Blå' });
    const blue = await waitFor(
      newest((p) => p.program.sceneName === 'Blå'),
      { message: 'a blue picture' },
    );
    expect(blue.program.imageData).not.toBe(red.program.imageData);
  });

  it('in studio mode shows the preview beside the program', async () => {
    await must('live.setStudioMode', { enabled: true });
    await must('live.selectScene', { sceneName: 'Röd' });
    const both = await waitFor(
      newest((p) => p.preview?.sceneName === 'Röd'),
      { message: 'preview' },
    );
    expect(both.program.sceneName).toBe('Blå');
    await must('live.setStudioMode', { enabled: false });
  });

  it('runs one loop for any number of watchers, and stops when no lease is renewed', async () => {
    const controller = new ObsController();
    controller.connect(obs.address, obs.password);
    await waitFor(() => controller.state.connection.status === 'connected' && controller.state.programScene, {
      timeoutMs: scaled(20_000),
      message: 'a second controller connected',
    });
    const emitted: ProgramPicture[] = [];
    // Counts what the loop asks OBS for, and how much of it at once.
    let asked = 0;
    let inFlight = 0;
    let mostInFlight = 0;
    const counted: ConstructorParameters<typeof ProgramPictureLoop>[0] = {
      get state() {
        return controller.state;
      },
      call: (async (...args: Parameters<ObsController['call']>) => {
        asked += 1;
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        try {
          return await controller.call(...args);
        } finally {
          inFlight -= 1;
        }
      }) as ObsController['call'],
    };
    const loop = new ProgramPictureLoop(counted, {
      emit: (p) => emitted.push(p),
      logger: silentLogger,
      intervalMs: 100,
      leaseMs: 1_500,
    });
    try {
      // Three clients renew the lease: still one capture per round, never two in flight.
      loop.watch();
      loop.watch();
      loop.watch();
      await waitFor(() => emitted.length >= 3, { message: 'three pictures' });
      expect(mostInFlight).toBe(1);
      expect(asked).toBe(loop.captures);
      // Nobody renews: the loop ends by itself and OBS is asked for nothing more.
      await waitFor(() => !loop.running, { message: 'the loop to stop after its lease' });
      const after = asked;
      await waitFor(async () => (await controller.call('GetVersion')).ok, { message: 'a round trip to OBS' });
      expect(asked).toBe(after);
    } finally {
      loop.stop();
      await controller.close();
    }
  });
});
