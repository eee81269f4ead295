import type { Entry } from './entry-schema';

/**
 * CSV for Excel as Swedish libraries have it: UTF-8 with a byte-order mark (without it Excel
 * reads UTF-8 as Windows-1252 and "å" becomes "Ã¥") and `;` between fields (Swedish Excel
 * uses `,` as the decimal sign, so it splits on `;`). CRLF line ends, RFC 4180 quoting.
 */
export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

export const CSV_COLUMNS = [
  'id',
  'title',
  'programType',
  'preset',
  'destination',
  'platform',
  'plannedStart',
  'actualStart',
  'end',
  'durationMinutes',
  'outcome',
  'rehearsal',
  'sceneSwitches',
  'avgKbps',
  'minKbps',
  'droppedPct',
  'skippedPct',
  'reconnects',
  'roles',
  'books',
  'notes',
  'videoUrl',
  'recordingPath',
  'captionsDue',
  'captionsDoneOn',
] as const;

export function quoteCsvField(value: string): string {
  // A leading =, +, - or @ makes Excel run the cell as a formula: prefix a quote mark.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n,]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Numbers with a decimal comma, as Swedish Excel expects. */
const decimal = (n: number | null | undefined): string =>
  n == null ? '' : String(Math.round(n * 100) / 100).replace('.', ',');

function row(entry: Entry): string[] {
  return [
    entry.id,
    entry.title,
    entry.programType ?? '',
    entry.preset ?? '',
    entry.destination?.name ?? '',
    entry.destination?.platform ?? '',
    entry.plannedStart ?? '',
    entry.actualStart,
    entry.end ?? '',
    decimal(entry.durationSec == null ? null : entry.durationSec / 60),
    entry.outcome ?? 'live',
    entry.rehearsal ? 'yes' : 'no',
    String(entry.timeline.length),
    decimal(entry.health.avgKbps),
    decimal(entry.health.minKbps),
    decimal(entry.health.droppedPct),
    decimal(entry.health.skippedPct),
    String(entry.health.reconnects),
    entry.roles.map((r) => `${r.role}: ${r.name}`).join(' | '),
    entry.books.map((b) => [b.title, b.author, b.isbn].filter(Boolean).join(', ')).join(' | '),
    entry.notes,
    entry.videoUrl,
    entry.recordingPath ?? '',
    entry.captionsDue ?? '',
    entry.captionsDoneOn ?? '',
  ];
}

export const csvHeader = (): string => `${CSV_BOM}${CSV_COLUMNS.join(CSV_SEPARATOR)}\r\n`;

/** The data lines of `entries`, each ending in CRLF (so slices can be joined as they are). */
export const csvRows = (entries: readonly Entry[]): string =>
  entries.map((e) => `${row(e).map(quoteCsvField).join(CSV_SEPARATOR)}\r\n`).join('');

export function entriesToCsv(entries: readonly Entry[]): string {
  return csvHeader() + csvRows(entries);
}

/** Reads CSV written by `entriesToCsv` (for tests and checks): fields, quotes, BOM. */
export function parseCsv(content: string): string[][] {
  const input = content.startsWith(CSV_BOM) ? content.slice(1) : content;
  const rows: string[][] = [];
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  for (let i = 0; i < input.length; i += 1) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === CSV_SEPARATOR) {
      fields.push(field);
      field = '';
    } else if (c === '\r' && input[i + 1] === '\n') {
      // handled by the \n
    } else if (c === '\n') {
      fields.push(field);
      rows.push(fields);
      fields = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || fields.length > 0) rows.push([...fields, field]);
  return rows;
}
