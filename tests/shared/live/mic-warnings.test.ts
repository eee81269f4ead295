import { describe, expect, it } from 'vitest';
import { expectedLive, micWarnings, trackActivity, type ActivityMap } from '../../../src/shared/live/mic-warnings';

const reading = (inputName: string, inputPeak: number, peak = inputPeak) => ({
  inputName,
  magnitude: peak / 2,
  peak,
  inputPeak,
});

describe('mic warnings', () => {
  it('warns about talking into a muted mic from the input peak (5.1 keeps reporting it)', () => {
    const activity = trackActivity({}, [reading('Mic', 0.2, 0)], 1_000);
    expect(
      micWarnings({
        mics: [{ inputName: 'Mic', muted: true, expectedLive: null }],
        activity,
        now: 1_500,
        onAir: false,
      }),
    ).toEqual([{ inputName: 'Mic', kind: 'talkingWhileMuted' }]);
    // Quiet room: no warning; and the warning fades two seconds after the talking stops.
    expect(
      micWarnings({
        mics: [{ inputName: 'Mic', muted: true, expectedLive: null }],
        activity,
        now: 3_500,
        onAir: false,
      }),
    ).toEqual([]);
    const hiss = trackActivity({}, [reading('Mic', 0.002)], 1_000);
    expect(
      micWarnings({
        mics: [{ inputName: 'Mic', muted: true, expectedLive: null }],
        activity: hiss,
        now: 1_000,
        onAir: false,
      }),
    ).toEqual([]);
  });

  /** Readings every 100 ms from `from` to `to`, as OBS sends them while it meters an input. */
  const feed = (
    activity: ActivityMap,
    from: number,
    to: number,
    level: (t: number) => ReturnType<typeof reading>,
  ): ActivityMap => {
    let next = activity;
    for (let t = from; t <= to; t += 100) next = trackActivity(next, [level(t)], t);
    return next;
  };
  const mics = [{ inputName: 'Mic', muted: false, expectedLive: null }];

  it('warns about a live mic silent for 10 s, only while on air', () => {
    let activity = feed({}, 0, 0, () => reading('Mic', 0.05));
    activity = feed(activity, 100, 10_000, () => reading('Mic', 0));
    expect(micWarnings({ mics, activity, now: 9_999, onAir: true })).toEqual([]);
    expect(micWarnings({ mics, activity, now: 10_000, onAir: true })).toEqual([{ inputName: 'Mic', kind: 'silent' }]);
    expect(micWarnings({ mics, activity, now: 10_000, onAir: false })).toEqual([]);
  });

  it('counts a fader pulled down as silence: nothing goes out, whatever the mic hears', () => {
    const activity = feed({}, 0, 10_000, () => reading('Mic', 0.2, 0));
    expect(micWarnings({ mics, activity, now: 10_000, onAir: true })).toEqual([{ inputName: 'Mic', kind: 'silent' }]);
  });

  it('does not call a mic silent while OBS does not meter it (in no live scene), and counts again from its return', () => {
    let activity = feed({}, 0, 1_000, () => reading('Mic', 0.2));
    // Off air for 20 s: no readings at all.
    expect(micWarnings({ mics, activity, now: 21_000, onAir: true })).toEqual([]);
    // Back in a live scene, quiet: silence counts from its return, not from the last sound.
    activity = feed(activity, 21_000, 30_900, () => reading('Mic', 0));
    expect(micWarnings({ mics, activity, now: 30_900, onAir: true })).toEqual([]);
    activity = feed(activity, 31_000, 31_000, () => reading('Mic', 0));
    expect(micWarnings({ mics, activity, now: 31_000, onAir: true })).toEqual([{ inputName: 'Mic', kind: 'silent' }]);
  });

  it('warns about clipping on the output peak', () => {
    const activity = trackActivity({}, [reading('Mic', 1, 1)], 0);
    expect(
      micWarnings({ mics: [{ inputName: 'Mic', muted: false, expectedLive: null }], activity, now: 100, onAir: false }),
    ).toEqual([{ inputName: 'Mic', kind: 'clipping' }]);
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
