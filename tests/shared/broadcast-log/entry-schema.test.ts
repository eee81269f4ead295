import { describe, expect, it } from 'vitest';
import { generateEntries } from '../../../src/core/broadcast-log/generate-entries';
import { parseEntry } from '../../../src/shared/broadcast-log/entry-schema';
import { EntryUpdateSchema } from '../../../src/shared/broadcast-log/entry-update';
import { LOG_LIMITS } from '../../../src/shared/broadcast-log/limits';

const valid = () => structuredClone(generateEntries(1)[0]!);

describe('the log entry schema', () => {
  it('accepts a generated entry, emoji and right-to-left text included', () => {
    const entry = { ...valid(), title: 'Sagostund 📚 med Åsa', notes: 'مرحبا بالأطفال – שלום 👋🏽' };
    const parsed = parseEntry(entry);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.notes).toBe('مرحبا بالأطفال – שלום 👋🏽');
  });

  it('refuses absurd dates: year 1970, year 3000, not a date at all', () => {
    for (const actualStart of ['1970-01-01T00:00:00Z', '3000-01-01T00:00:00Z', '2026-13-45T99:00:00Z', 'igår']) {
      expect(parseEntry({ ...valid(), actualStart }).success, actualStart).toBe(false);
    }
    const book = { ...valid().books[0]!, deleteBy: '1899-12-31' };
    expect(parseEntry({ ...valid(), books: [book] }).success).toBe(false);
  });

  it('refuses a 10 MB note with a message that says what is wrong', () => {
    const parsed = EntryUpdateSchema.safeParse({ notes: 'x'.repeat(10 * 1024 * 1024) });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain(String(LOG_LIMITS.notes));
    expect(parseEntry({ ...valid(), notes: 'x'.repeat(LOG_LIMITS.notes + 1) }).success).toBe(false);
  });

  it('refuses wrong shapes and unknown schema versions', () => {
    for (const bad of [
      null,
      42,
      [],
      {},
      { ...valid(), schemaVersion: 99 },
      { ...valid(), outcome: 'great' },
      { ...valid(), id: '../x' },
    ]) {
      expect(parseEntry(bad).success).toBe(false);
    }
  });

  it('never takes a stream key: the destination holds a name and a platform only', () => {
    const entry = { ...valid(), destination: { name: 'YouTube', platform: 'youtube', key: 'abcd-1234' } };
    expect(parseEntry(entry).success).toBe(false);
  });

  it('only takes http(s) video links', () => {
    expect(EntryUpdateSchema.safeParse({ videoUrl: 'https://www.youtube.com/watch?v=x' }).success).toBe(true);
    expect(EntryUpdateSchema.safeParse({ videoUrl: 'javascript:alert(1)' }).success).toBe(false);
  });
});
