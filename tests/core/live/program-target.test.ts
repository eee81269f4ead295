import { describe, expect, it } from 'vitest';
import { ProgramTarget } from '../../../src/core/live/program-target';
import { emptyObsState, type ObsState } from '../../../src/shared/obs-state';

const onAir = (programScene: string): ObsState => ({ ...emptyObsState('ws://127.0.0.1:4455'), programScene });

describe('ProgramTarget', () => {
  it("is OBS's own program scene when the app has asked for nothing", () => {
    expect(new ProgramTarget().current(onAir('Läsare'))).toBe('Läsare');
  });

  it('is the scene asked for until OBS reports it, then OBS again', () => {
    const target = new ProgramTarget();
    target.expect('Tack');
    expect(target.current(onAir('Läsare'))).toBe('Tack');
    target.observe(onAir('Läsare')); // an event about something else keeps the wait
    expect(target.current(onAir('Läsare'))).toBe('Tack');
    target.observe(onAir('Tack'));
    // Confirmed: a later switch made in OBS itself is what counts.
    expect(target.current(onAir('Kort paus'))).toBe('Kort paus');
  });

  it('forgets a refused switch, but not a newer one', () => {
    const target = new ProgramTarget();
    target.expect('Tack');
    target.forget('Läsare');
    expect(target.current(onAir('Läsare'))).toBe('Tack');
    target.forget('Tack');
    expect(target.current(onAir('Läsare'))).toBe('Läsare');
  });

  it('lets go after 15 s when OBS never reports the scene', () => {
    let now = 1_000;
    const target = new ProgramTarget(() => now);
    target.expect('Tack');
    now += 14_999;
    expect(target.current(onAir('Läsare'))).toBe('Tack');
    now += 1;
    expect(target.current(onAir('Läsare'))).toBe('Läsare');
  });
});
