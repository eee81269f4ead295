import { describe, expect, it } from 'vitest';
import { BroadcastMetaSchema } from '../../../src/core/broadcast-log/broadcast-meta';
import { builtInPresets } from '../../../src/core/presets/built-ins';
import { programMeta } from '../../../src/core/golive/program-meta';

describe('programMeta', () => {
  const storyTime = builtInPresets('sv')[0]!;
  const entry = (details: Record<string, string>) => ({ preset: storyTime, builtIn: true, details, devices: {} });

  it("gives the log the preset's name, the program's title and the book being read", () => {
    const meta = programMeta(
      entry({
        title: ' Sagostund med Anna ',
        bookTitle: 'Gruffalon',
        bookAuthor: 'Julia Donaldson',
        illustrator: 'Axel Scheffler',
        publisher: '',
      }),
    );
    expect(meta).toEqual({
      preset: 'Sagostund',
      title: 'Sagostund med Anna',
      books: [{ title: 'Gruffalon', author: 'Julia Donaldson', illustrator: 'Axel Scheffler' }],
    });
    // What the recorder takes: valid, with the book's duties at their defaults.
    expect(BroadcastMetaSchema.parse(meta).books?.[0]).toMatchObject({
      title: 'Gruffalon',
      creditLineSaid: false,
      reportRequired: false,
    });
  });

  it("falls back to the preset's name without a title, and names no book without a book title", () => {
    expect(programMeta(entry({ bookAuthor: 'Julia Donaldson' }))).toEqual({ preset: 'Sagostund', title: 'Sagostund' });
  });
});
