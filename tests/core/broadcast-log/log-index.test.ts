import { describe, expect, it } from 'vitest';
import { generateEntries } from '../../../src/core/broadcast-log/generate-entries';
import { fromRow, indexEntry, isRow, summaryOf, toRow } from '../../../src/core/broadcast-log/log-index';

describe('index rows of the broadcast log snapshot', () => {
  const [fromApp, , , , , fromObs] = generateEntries(6);

  it('keep where a broadcast was started through a round trip', () => {
    expect(fromObs!.startedIn).toBe('obs');
    for (const entry of [fromApp!, fromObs!]) {
      const row = toRow(indexEntry(entry));
      expect(isRow(row)).toBe(true);
      expect(summaryOf(fromRow(row)).startedIn).toBe(entry.startedIn);
    }
  });

  it('read a row written before the field existed (12 fields) as started in the app', () => {
    const old = toRow(indexEntry(fromObs!)).slice(0, 12);
    expect(isRow(old)).toBe(true);
    expect(summaryOf(fromRow(old as Parameters<typeof fromRow>[0])).startedIn).toBe('app');
  });
});
