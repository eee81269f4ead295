import { describe, expect, it } from 'vitest';
import { BroadcastMetaSchema } from '../../../src/core/broadcast-log/broadcast-meta';
import { builtInPresets } from '../../../src/core/presets/built-ins';
import { generateEntries } from '../../../src/core/broadcast-log/generate-entries';
import { programMeta, rolesFromNote } from '../../../src/core/golive/program-meta';
import { CSV_COLUMNS, entriesToCsv, parseCsv } from '../../../src/shared/broadcast-log/csv';

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

describe('rolesFromNote: the roles typed in the checklist, for the log', () => {
  it('reads "role: name", "name (role)" and "role name", in Swedish and English', () => {
    expect(rolesFromNote('Värd: Anna Berg, Tekniker: Bo; Cia (chattmoderator)\nHost Dan')).toEqual([
      { role: 'host', name: 'Anna Berg' },
      { role: 'producer', name: 'Bo' },
      { role: 'moderator', name: 'Cia' },
      { role: 'host', name: 'Dan' },
    ]);
    // As typed in the checklist seen on 2026-12-02: one person, two roles.
    expect(rolesFromNote('Anna (värd och tekniker), Bo (chatt)')).toEqual([
      { role: 'host', name: 'Anna' },
      { role: 'producer', name: 'Anna' },
      { role: 'moderator', name: 'Bo' },
    ]);
    expect(rolesFromNote('chat: Eva, guest: Finn (author)')).toEqual([
      { role: 'moderator', name: 'Eva' },
      { role: 'guest', name: 'Finn (author)' },
    ]);
  });

  it('keeps a name without a known role as "other": nothing typed is lost', () => {
    expect(rolesFromNote('Anna, , Bo och Cia')).toEqual([
      { role: 'other', name: 'Anna' },
      { role: 'other', name: 'Bo och Cia' },
    ]);
    expect(rolesFromNote('   ')).toEqual([]);
  });

  it('reach the CSV export, one "role: name" per person', () => {
    const roles = BroadcastMetaSchema.parse({ roles: rolesFromNote('Anna (värd och tekniker), Bo (chatt)') }).roles!;
    const rows = parseCsv(entriesToCsv([{ ...generateEntries(1)[0]!, roles }], { language: 'sv' }));
    const cell = rows[1]![CSV_COLUMNS.indexOf('roles')]!;
    expect(cell).toMatch(/: Anna \| .*: Anna \| .*: Bo$/);
    expect(cell.split(' | ')).toHaveLength(3);
  });

  it('stays within what the log takes', () => {
    const many = Array.from({ length: 30 }, (_, i) => `Värd: ${'x'.repeat(250)}${i}`).join(',');
    const roles = rolesFromNote(many);
    expect(BroadcastMetaSchema.safeParse({ roles }).success).toBe(true);
    expect(roles).toHaveLength(20);
  });
});
