import { afterEach, describe, expect, it } from 'vitest';
import { startObs, type RunningObs } from '../../support/obs-studio';
import { Controllers, isConnected, recordStates, waitForState } from './controller-test-helpers';
import { scaled } from '../../support/timeouts';

/**
 * Connecting the moment OBS opens its socket, as the app does when it was started first and
 * keeps retrying: obs-websocket 5.3+ (OBS 30+) says Hello before OBS has loaded and answers
 * 207 NotReady until then. The app must wait it out, never showing an error.
 */

const controllers = new Controllers();
let obs: RunningObs | null = null;

afterEach(async () => {
  await controllers.closeAll();
  await obs?.stop();
  obs = null;
});

describe('ObsController with an OBS that is still starting', () => {
  it('connected at the Hello: waits for OBS to be ready and loads the mirror, with no error', async () => {
    obs = await startObs({ waitUntilAnswering: false });
    const controller = controllers.create();
    const states = recordStates(controller);
    controller.connect(obs.address, obs.password);
    const connected = await waitForState(controller, isConnected, 'connected with a loaded mirror', scaled(40_000));
    expect(connected.connection.error).toBeNull();
    expect(connected.versions?.obsWebSocketVersion).toMatch(/^5\./);
    expect(connected.scenes.map((s) => s.name)).toContain('Scene');
    expect(connected.programScene).toBe('Scene');
    // One attempt, never an error or a retry on the way.
    expect(states.filter((s) => s.connection.error !== null)).toEqual([]);
    expect(states.some((s) => s.connection.status === 'reconnecting')).toBe(false);
  });
});
