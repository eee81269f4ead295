import { describe, expect, it } from 'vitest';
import type { HealthSample } from '../../../src/shared/broadcast-log/entry-schema';
import { summarize } from '../../../src/shared/broadcast-log/health';

const sample = (kbps: number, second: number): HealthSample => ({
  at: new Date(Date.UTC(2026, 11, 2, 10, 0, second)).toISOString(),
  kbps,
  droppedPct: 0,
  skippedPct: 0,
  congestion: 0,
  reconnecting: false,
});

describe('the health summary of a broadcast', () => {
  it('leaves the 0 kbit/s of the start-up out of the lowest bitrate', () => {
    const summary = summarize([sample(0, 0), sample(0, 2), sample(2400, 4), sample(2600, 6)]);
    expect(summary.minKbps).toBe(2400);
    expect(summary.samples).toBe(4);
  });

  it('counts a 0 once bytes have flowed: the line went dead', () => {
    expect(summarize([sample(0, 0), sample(2500, 2), sample(0, 4), sample(2500, 6)]).minKbps).toBe(0);
  });

  it('has no lowest bitrate while nothing has been sent', () => {
    expect(summarize([sample(0, 0), sample(0, 2)]).minKbps).toBeNull();
  });
});
