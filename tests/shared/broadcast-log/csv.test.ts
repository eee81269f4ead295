import { describe, expect, it } from 'vitest';
import { generateEntries } from '../../../src/core/broadcast-log/generate-entries';
import { CSV_BOM, CSV_COLUMNS, entriesToCsv, parseCsv, quoteCsvField } from '../../../src/shared/broadcast-log/csv';

describe('CSV export for Excel', () => {
  const [entry] = generateEntries(1);
  const tricky = {
    ...entry!,
    title: 'Sagostund; "Pippi" på Åby bibliotek',
    notes: 'Rad ett\nrad två – ÅÄÖ åäö é ü 📚',
  };

  it('starts with a UTF-8 byte-order mark and uses ; between fields and CRLF line ends', () => {
    const csv = entriesToCsv([tricky]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.split('\r\n')[0]).toBe(`${CSV_BOM}${CSV_COLUMNS.join(';')}`);
  });

  it('keeps Swedish characters, quotes, separators and line breaks intact through a round trip', () => {
    const rows = parseCsv(entriesToCsv([tricky]));
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1]![i]]));
    expect(row.title).toBe(tricky.title);
    expect(row.notes).toBe(tricky.notes);
    expect(row.durationMinutes).toMatch(/^\d+(,\d+)?$/); // decimal comma
  });

  it('defuses cells Excel would run as formulas', () => {
    expect(quoteCsvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(quoteCsvField('+46 8 123')).toBe("'+46 8 123");
  });
});
