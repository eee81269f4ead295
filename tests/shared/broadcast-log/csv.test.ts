import { describe, expect, it } from 'vitest';
import { generateEntries } from '../../../src/core/broadcast-log/generate-entries';
import {
  CSV_BOM,
  CSV_COLUMNS,
  csvHeaders,
  entriesToCsv,
  parseCsv,
  quoteCsvField,
} from '../../../src/shared/broadcast-log/csv';

describe('CSV export for Excel', () => {
  const [entry] = generateEntries(1);
  const tricky = {
    ...entry!,
    title: 'Sagostund; "Pippi" på Åby bibliotek',
    notes: 'Rad ett\nrad två – ÅÄÖ åäö é ü 📚',
    programType: 'storytime',
    actualStart: '2026-12-02T09:03:05.000Z',
    end: '2026-12-02T09:48:10.000Z',
    durationSec: 2705,
    outcome: 'completed' as const,
    rehearsal: false,
    roles: [{ role: 'host' as const, name: 'Anna' }],
    health: { ...entry!.health, droppedPct: 0.5 },
  };
  const column = (rows: string[][], name: (typeof CSV_COLUMNS)[number]) => rows[1]![CSV_COLUMNS.indexOf(name)];

  it('starts with a UTF-8 byte-order mark and uses ; between fields and CRLF line ends', () => {
    const csv = entriesToCsv([tricky]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.split('\r\n')[0]).toBe(`${CSV_BOM}${csvHeaders('sv').join(';')}`);
  });

  it('has Swedish column headers for the Swedish UI and English ones for the English UI', () => {
    expect(parseCsv(entriesToCsv([tricky], { language: 'sv' }))[0]).toEqual(csvHeaders('sv'));
    expect(csvHeaders('sv').slice(0, 4)).toEqual(['Id', 'Titel', 'Programtyp', 'Program']);
    expect(csvHeaders('sv')).toContain('Tappade bildrutor (%)');
    expect(parseCsv(entriesToCsv([tricky], { language: 'en' }))[0]).toEqual(csvHeaders('en'));
    expect(csvHeaders('en').slice(0, 4)).toEqual(['Id', 'Title', 'Program type', 'Program']);
    expect(csvHeaders('en')).toHaveLength(CSV_COLUMNS.length);
    // Every header is a word, never the column's code.
    for (const language of ['sv', 'en']) {
      for (const header of csvHeaders(language)) expect(CSV_COLUMNS as readonly string[]).not.toContain(header);
    }
  });

  it('writes program types, outcomes, roles and yes/no as words in the chosen language', () => {
    const sv = parseCsv(entriesToCsv([tricky], { language: 'sv' }));
    expect(column(sv, 'programType')).toBe('Sagostund');
    expect(column(sv, 'outcome')).toBe('Avslutad');
    expect(column(sv, 'rehearsal')).toBe('nej');
    expect(column(sv, 'roles')).toBe('Programledare: Anna');
    expect(column(sv, 'droppedPct')).toBe('0,5');
    const en = parseCsv(entriesToCsv([tricky], { language: 'en' }));
    expect(column(en, 'programType')).toBe('Story time');
    expect(column(en, 'outcome')).toBe('Completed');
    expect(column(en, 'rehearsal')).toBe('no');
    expect(column(en, 'droppedPct')).toBe('0.5');
    // A program type typed by staff stays as typed.
    expect(column(parseCsv(entriesToCsv([{ ...tricky, programType: 'Bokcirkel' }])), 'programType')).toBe('Bokcirkel');
  });

  it('writes times in the given time zone, as Excel reads a date', () => {
    const rows = parseCsv(entriesToCsv([tricky], { timeZone: 'Europe/Stockholm' }));
    expect(column(rows, 'actualStart')).toBe('2026-12-02 10:03:05');
    expect(column(rows, 'end')).toBe('2026-12-02 10:48:10');
    const utc = parseCsv(entriesToCsv([tricky], { timeZone: 'UTC' }));
    expect(column(utc, 'actualStart')).toBe('2026-12-02 09:03:05');
  });

  it('keeps Swedish characters, quotes, separators and line breaks intact through a round trip', () => {
    const rows = parseCsv(entriesToCsv([tricky]));
    expect(rows).toHaveLength(2);
    expect(column(rows, 'title')).toBe(tricky.title);
    expect(column(rows, 'notes')).toBe(tricky.notes);
    expect(column(rows, 'durationMinutes')).toBe('45,08'); // decimal comma
  });

  it('defuses cells Excel would run as formulas', () => {
    expect(quoteCsvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(quoteCsvField('+46 8 123')).toBe("'+46 8 123");
  });
});
