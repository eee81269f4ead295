import { describe, expect, it } from 'vitest';
import { expectedLive, micWarnings, trackActivity, type ActivityMap } from '../../../src/shared/live/mic-warnings';

const reading = (inputName: string, inputPeak: number, peak = inputPeak) => ({ inputName, magnitude: peak / 2, peak, inputPeak });

describe('mic warnings', () => {
  it('warns about talking into a muted mic from the input peak (5.1 keeps reporting it)', () => {
    const activity = trackActivity({}, [reading('Mic', 0.2, 0)], 1_000);
    expect(micWarnings({ mics: [{ inputName: 'Mic', muted: true, expectedLive: null }], activity, now: 1_500, onAir: false })).toEqual([
      { inputName: 'Mic', kind: 'talkingWhileMuted' },
    ]);
    // Quiet room: no warning; and the warning fades two seconds after the talking stops.
    expect(micWarnings({ mics: [{ inputName: 'Mic', muted: true, expectedLive: null }], activity, now: 3_500, onAir: false })).toEqual([]);
    const hiss = trackActivity({}, [reading('Mic', 0.002)], 1_000);
    expect(micWarnings({ mics: [{ inputName: 'Mic', muted: true, expectedLive: null }], activity: hiss, now: 1_000, onAir: false })).toEqual([]);
  });

  it('warns about a live mic silent for 10 s, only while on air', () => {
    let activity: ActivityMap = trackActivity({}, [reading('Mic', 0.05)], 0);
    activity = trackActivity(activity, [reading('Mic', 0)], 5_000);
    const mics = [{ inputName: 'Mic', muted: false, expectedLive: null }];
    expect(micWarnings({ mics, activity, now: 9_999, onAir: true })).toEqual([]);
    expect(micWarnings({ mics, activity, now: 10_000, onAir: true })).toEqual([{ inputName: 'Mic', kind: 'silent' }]);
    expect(micWarnings({ mics, activity, now: 10_000, onAir: false })).toEqual([]);
  });

  it('warns about clipping on the output peak', () => {
    const activity = trackActivity({}, [reading('Mic', 1, 1)], 0);
    expect(micWarnings({ mics: [{ inputName: 'Mic', muted: false, expectedLive: null }], activity, now: 100, onAir: false })).toEqual([
      { inputName: 'Mic', kind: 'clipping' },
    ]);
  });

  it("follows the preset's per-scene expectations both ways", () => {
    expect(expectedLive('Mic', ['Mic'], ['Mic'])).toBe(true);
    expect(expectedLive('Mic', ['Mic'], [])).toBe(false);
    expect(expectedLive('Music', ['Mic'], [])).toBeNull();
    expect(expectedLive('Mic', ['Mic'], null)).toBeNull();
    const mics = [
      { inputName: 'A', muted: true, expectedLive: true },
      { inputName: 'B', muted: false, expectedLive: false },
      { inputName: 'C', muted: false, expectedLive: true },
    ];
    expect(micWarnings({ mics, activity: {}, now: 0, onAir: true })).toEqual([
      { inputName: 'A', kind: 'shouldBeLive' },
      { inputName: 'B', kind: 'shouldBeMuted' },
    ]);
  });
});
