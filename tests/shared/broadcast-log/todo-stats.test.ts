import { describe, expect, it } from 'vitest';
import { generateEntries } from '../../../src/core/broadcast-log/generate-entries';
import { computeStats } from '../../../src/shared/broadcast-log/stats';
import { computeTodo } from '../../../src/shared/broadcast-log/todo';

const now = Date.parse('2026-11-29T12:00:00Z');

describe('the to-do list', () => {
  it('lists deletions due soon or past, unsent reports and captions due; overdue first', () => {
    const [a, b] = generateEntries(2);
    const entries = [
      { ...a!, books: [{ ...a!.books[0]!, deleteBy: '2026-11-28', reportRequired: true }] },
      { ...b!, captionsDue: '2026-12-01', books: [{ ...b!.books[0]!, deleteBy: '2027-05-01' }] },
    ];
    const items = computeTodo(entries, now);
    expect(items.map((i) => [i.kind, i.overdue])).toEqual([
      ['delete-recording', true],
      ['captions', false],
      ['report-publisher', false],
    ]);
  });

  it('leaves out what is done and broadcasts still live', () => {
    const [a] = generateEntries(1);
    const done = { ...a!, books: [{ ...a!.books[0]!, deleteBy: '2026-11-28', deletedOn: '2026-11-28' }] };
    const live = { ...a!, id: 'live', outcome: null, captionsDue: '2026-11-01' };
    expect(computeTodo([done, live], now)).toEqual([]);
  });
});

describe('statistics', () => {
  it('counts broadcasts and hours per month and program type, without rehearsals', () => {
    const entries = generateEntries(20); // every 10th is a rehearsal
    const stats = computeStats(entries);
    const total = stats.byMonth.reduce((n, r) => n + r.broadcasts, 0);
    expect(total).toBe(18);
    expect(stats.byProgramType.reduce((n, r) => n + r.broadcasts, 0)).toBe(18);
    expect(stats.byMonth.every((r) => /^\d{4}-\d{2}$/.test(r.key))).toBe(true);
  });
});
