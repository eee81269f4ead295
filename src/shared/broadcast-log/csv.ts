import type { Entry } from './entry-schema';
import { localDateTime, logLanguage, type LogLanguage } from './log-format';

/**
 * CSV for Excel as Swedish libraries have it: UTF-8 with a byte-order mark (without it Excel
 * reads UTF-8 as Windows-1252 and "å" becomes "Ã¥") and `;` between fields (Swedish Excel
 * uses `,` as the decimal sign, so it splits on `;`). CRLF line ends, RFC 4180 quoting.
 * Column headers, program types, outcomes and roles are written in the UI's language, and
 * times in the computer's (or the given) time zone.
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
  'startedIn',
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
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** How the export is written: the UI's language and the time zone its times are in. */
export interface CsvOptions {
  language?: string;
  timeZone?: string;
}

/**
 * The words of the export, per language. They are the UI's own words for the same things
 * (a unit test holds them to the UI's texts), kept here because the core writes the file.
 */
export const CSV_WORDS = {
  sv: {
    headers: {
      id: 'Id',
      title: 'Titel',
      programType: 'Programtyp',
      preset: 'Program',
      destination: 'Sändningsmål',
      platform: 'Plattform',
      plannedStart: 'Planerad start',
      actualStart: 'Start',
      end: 'Slut',
      durationMinutes: 'Längd (min)',
      outcome: 'Utfall',
      startedIn: 'Startades i',
      rehearsal: 'Repetition',
      sceneSwitches: 'Scenbyten',
      avgKbps: 'Bithastighet medel (kbit/s)',
      minKbps: 'Bithastighet lägst (kbit/s)',
      droppedPct: 'Tappade bildrutor (%)',
      skippedPct: 'Hoppade bildrutor (%)',
      reconnects: 'Återanslutningar',
      roles: 'Roller',
      books: 'Böcker',
      notes: 'Anteckningar',
      videoUrl: 'Länk till videon',
      recordingPath: 'Inspelningsfil',
      captionsDue: 'Textning senast',
      captionsDoneOn: 'Textad den',
    },
    programTypes: {
      storytime: 'Sagostund',
      authortalk: 'Författarsamtal',
      baby: 'Babyprogram',
      languagecafe: 'Språkcafé',
      infodesk: 'Digital informationsdisk',
    },
    outcomes: {
      live: 'Sänder nu',
      completed: 'Avslutad',
      'ended-by-obs-or-network': 'Avbruten av OBS eller nätet',
      interrupted: 'Avbruten (appen eller OBS stängdes)',
      'failed-to-start': 'Startade inte',
    },
    platforms: { youtube: 'YouTube', facebook: 'Facebook', custom: 'Egen server', unknown: 'Okänd' },
    roles: {
      host: 'Programledare',
      producer: 'Tekniker',
      moderator: 'Chattmoderator',
      helper: 'Hjälpare',
      guest: 'Gäst',
      other: 'Annan',
    },
    startedIn: { app: 'Bibblan Live', obs: 'OBS' },
    yes: 'ja',
    no: 'nej',
  },
  en: {
    headers: {
      id: 'Id',
      title: 'Title',
      programType: 'Program type',
      preset: 'Program',
      destination: 'Destination',
      platform: 'Platform',
      plannedStart: 'Planned start',
      actualStart: 'Start',
      end: 'End',
      durationMinutes: 'Duration (min)',
      outcome: 'Outcome',
      startedIn: 'Started in',
      rehearsal: 'Rehearsal',
      sceneSwitches: 'Scene switches',
      avgKbps: 'Average bitrate (kbit/s)',
      minKbps: 'Lowest bitrate (kbit/s)',
      droppedPct: 'Dropped frames (%)',
      skippedPct: 'Skipped frames (%)',
      reconnects: 'Reconnections',
      roles: 'Roles',
      books: 'Books',
      notes: 'Notes',
      videoUrl: 'Video link',
      recordingPath: 'Recording file',
      captionsDue: 'Captions due',
      captionsDoneOn: 'Captioned on',
    },
    programTypes: {
      storytime: 'Story time',
      authortalk: 'Author talk',
      baby: 'Baby program',
      languagecafe: 'Language café',
      infodesk: 'Digital info desk',
    },
    outcomes: {
      live: 'Live now',
      completed: 'Completed',
      'ended-by-obs-or-network': 'Ended by OBS or the network',
      interrupted: 'Interrupted (the app or OBS closed)',
      'failed-to-start': 'Failed to start',
    },
    platforms: { youtube: 'YouTube', facebook: 'Facebook', custom: 'Custom server', unknown: 'Unknown' },
    roles: {
      host: 'Host',
      producer: 'Producer',
      moderator: 'Chat moderator',
      helper: 'Helper',
      guest: 'Guest',
      other: 'Other',
    },
    startedIn: { app: 'Bibblan Live', obs: 'OBS' },
    yes: 'yes',
    no: 'no',
  },
} as const satisfies Record<LogLanguage, unknown>;

export function quoteCsvField(value: string): string {
  // A leading =, +, - or @ makes Excel run the cell as a formula: prefix a quote mark.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n,]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Numbers as that language's Excel reads them: a decimal comma in Swedish, a point in English. */
const decimal = (n: number | null | undefined, language: LogLanguage): string => {
  if (n == null) return '';
  const text = String(Math.round(n * 100) / 100);
  return language === 'sv' ? text.replace('.', ',') : text;
};

const named = <K extends string>(names: Record<K, string>, key: string | undefined): string =>
  key === undefined ? '' : ((names as Record<string, string>)[key] ?? key);

function row(entry: Entry, options: CsvOptions): string[] {
  const language = logLanguage(options.language);
  const words = CSV_WORDS[language];
  const time = (iso: string | null | undefined) => (iso ? localDateTime(iso, options.timeZone) : '');
  return [
    entry.id,
    entry.title,
    named(words.programTypes, entry.programType),
    entry.preset ?? '',
    entry.destination?.name ?? '',
    named(words.platforms, entry.destination?.platform),
    time(entry.plannedStart),
    time(entry.actualStart),
    time(entry.end),
    decimal(entry.durationSec == null ? null : entry.durationSec / 60, language),
    named(words.outcomes, entry.outcome ?? 'live'),
    named(words.startedIn, entry.startedIn),
    entry.rehearsal ? words.yes : words.no,
    String(entry.timeline.length),
    decimal(entry.health.avgKbps, language),
    decimal(entry.health.minKbps, language),
    decimal(entry.health.droppedPct, language),
    decimal(entry.health.skippedPct, language),
    String(entry.health.reconnects),
    entry.roles.map((r) => `${named(words.roles, r.role)}: ${r.name}`).join(' | '),
    entry.books.map((b) => [b.title, b.author, b.isbn].filter(Boolean).join(', ')).join(' | '),
    entry.notes,
    entry.videoUrl,
    entry.recordingPath ?? '',
    entry.captionsDue ?? '',
    entry.captionsDoneOn ?? '',
  ];
}

export const csvHeaders = (language?: string): string[] =>
  CSV_COLUMNS.map((column) => CSV_WORDS[logLanguage(language)].headers[column]);

export const csvHeader = (options: CsvOptions = {}): string =>
  `${CSV_BOM}${csvHeaders(options.language).map(quoteCsvField).join(CSV_SEPARATOR)}\r\n`;

/** The data lines of `entries`, each ending in CRLF (so slices can be joined as they are). */
export const csvRows = (entries: readonly Entry[], options: CsvOptions = {}): string =>
  entries.map((e) => `${row(e, options).map(quoteCsvField).join(CSV_SEPARATOR)}\r\n`).join('');

export function entriesToCsv(entries: readonly Entry[], options: CsvOptions = {}): string {
  return csvHeader(options) + csvRows(entries, options);
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
