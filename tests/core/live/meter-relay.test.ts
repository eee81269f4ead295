import { describe, expect, it } from 'vitest';
import { MeterRelay, readMeters } from '../../../src/core/live/meter-relay';
import type { Meters } from '../../../src/shared/live/live-state';
import { waitFor } from '../../support/wait-for';

describe('meter relay', () => {
  it('reads the loudest channel of each input and rejects malformed payloads', () => {
    expect(
      readMeters({
        inputs: [
          {
            inputName: 'Mic',
            inputLevelsMul: [
              [0.1, 0.2, 0.3],
              [0.05, 0.4, 0.1],
            ],
          },
        ],
      }),
    ).toEqual([{ inputName: 'Mic', magnitude: 0.1, peak: 0.4, inputPeak: 0.3 }]);
    expect(readMeters({ inputs: 'nope' })).toBeNull();
  });

  it("drops an input's reading with an impossible level (obs-websocket 5.1's first reading after activation)", () => {
    const garbage = { inputName: 'Ton', inputLevelsMul: [[0.088, 7.778159572843642e31, 7.778159572843642e31]] };
    const fine = { inputName: 'Mic', inputLevelsMul: [[0.1, 0.2, 0.3]] };
    expect(readMeters({ inputs: [garbage, fine] })).toEqual([
      { inputName: 'Mic', magnitude: 0.1, peak: 0.2, inputPeak: 0.3 },
    ]);
    // +26 dB of OBS's gain on a loud mic is still a level.
    expect(readMeters({ inputs: [{ inputName: 'Mic', inputLevelsMul: [[10, 19.9, 19.9]] }] })).toHaveLength(1);
  });

  it('subscribes while leased, thins a flood to a few events with peaks kept, and unsubscribes', async () => {
    let listener: ((data: unknown) => void) | null = null;
    const emitted: Meters[] = [];
    const relay = new MeterRelay(
      { watchMeters: (fn) => ((listener = fn), () => (listener = null)) },
      { emit: (m) => emitted.push(m), minGapMs: 50, leaseMs: 60_000 },
    );
    relay.watch();
    expect(listener).not.toBeNull();
    for (let i = 0; i < 20; i++)
      listener!({ inputs: [{ inputName: 'Mic', inputLevelsMul: [[0, i === 3 ? 0.9 : 0.1, 0.1]] }] });
    await waitFor(() => emitted.length === 1);
    expect(emitted[0]!.inputs[0]!.peak).toBe(0.9);
    relay.stop();
    expect(listener).toBeNull();
  });
});
