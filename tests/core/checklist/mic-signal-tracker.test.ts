import { describe, expect, it } from 'vitest';
import { MicSignalTracker } from '../../../src/core/checklist/mic-signal-tracker';

/** InputVolumeMeters as OBS sends it: per channel [magnitude, peak, input peak]. */
const meters = (inputs: Record<string, number>) => ({
  inputs: Object.entries(inputs).map(([inputName, peak]) => ({
    inputName,
    inputLevelsMul: [
      [peak / 2, peak, peak],
      [0, 0, 0],
    ],
  })),
});

describe('MicSignalTracker', () => {
  it('keeps when each input was last heard and since when it has been metered', () => {
    const tracker = new MicSignalTracker();
    expect(tracker.take(meters({ Mic: 0 }), 1_000)).toBe(false);
    expect(tracker.take(meters({ Mic: 0.2 }), 1_050)).toBe(true); // heard for the first time: worth telling at once
    expect(tracker.take(meters({ Mic: 0.2 }), 1_100)).toBe(false);
    expect(tracker.take(meters({ Mic: 0 }), 1_150)).toBe(false);
    expect(tracker.signals.Mic).toEqual({ heardAt: 1_100, meteredSince: 1_000, meteredAt: 1_150 });
  });

  it('starts a new metered stretch after a gap (the input left the live scene and came back)', () => {
    const tracker = new MicSignalTracker();
    tracker.take(meters({ Mic: 0.2 }), 1_000);
    tracker.take(meters({ Mic: 0 }), 10_000);
    expect(tracker.signals.Mic).toEqual({ heardAt: 1_000, meteredSince: 10_000, meteredAt: 10_000 });
  });

  it('counts the output side only: a level under -60 dBFS is silence', () => {
    const tracker = new MicSignalTracker();
    tracker.take(meters({ Mic: 0.0005 }), 1_000);
    expect(tracker.signals.Mic?.heardAt).toBeNull();
  });

  it('ignores malformed events and forgets everything on clear', () => {
    const tracker = new MicSignalTracker();
    expect(tracker.take({ inputs: 'nope' }, 1_000)).toBe(false);
    tracker.take(meters({ Mic: 0.2 }), 1_000);
    tracker.clear();
    expect(tracker.signals).toEqual({});
  });
});
