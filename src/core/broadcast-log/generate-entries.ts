import { emptyHealth, LOG_SCHEMA_VERSION, type Entry } from '../../shared/broadcast-log/entry-schema';

// The checklist's program types, as the go-live flow writes them (the log shows them by name).
const TYPES = ['storytime', 'authortalk', 'baby', 'languagecafe', 'infodesk'];
const SCENES = ['Välkommen', 'Läsare', 'Bok närbild', 'Publik', 'Tack för i dag'];
const BOOKS = [
  { title: 'Pippi Långstrump', author: 'Astrid Lindgren', illustrator: 'Ingrid Vang Nyman' },
  { title: 'Alfons och hemlige Mållgan', author: 'Gunilla Bergström' },
  { title: 'Mamma Mu åker bobsleigh', author: 'Jujja Wieslander', illustrator: 'Sven Nordqvist' },
];

/**
 * N plausible entries for the log benchmark (scripts/bench) and tests: spread backwards from `endMs`
 * (6 h apart, closer when N would otherwise reach before 2010, the schema allowing 2000 on),
 * each with a `switches`-long scene timeline, a book and a note. Deterministic for a given N.
 */
export function generateEntries(count: number, { switches = 20, endMs = Date.UTC(2026, 10, 1) } = {}): Entry[] {
  const entries: Entry[] = [];
  const spacingMs = Math.min(6 * 3_600_000, Math.floor((endMs - Date.UTC(2010, 0, 1)) / Math.max(count, 1)));
  for (let i = 0; i < count; i += 1) {
    const startMs = endMs - i * spacingMs;
    const durationSec = 1_800 + (i % 7) * 300;
    const start = new Date(startMs).toISOString();
    const type = TYPES[i % TYPES.length]!;
    entries.push({
      schemaVersion: LOG_SCHEMA_VERSION,
      id: `gen-${String(i).padStart(7, '0')}`,
      programType: type,
      startedIn: i % 11 === 5 ? 'obs' : 'app',
      title: `${type[0]!.toUpperCase()}${type.slice(1)} nr ${i}`,
      destination: {
        name: i % 2 ? 'Bibliotekets Facebooksida' : 'Bibliotekets YouTube-kanal',
        platform: i % 2 ? 'facebook' : 'youtube',
      },
      actualStart: start,
      end: new Date(startMs + durationSec * 1000).toISOString(),
      durationSec,
      outcome: i % 50 === 0 ? 'interrupted' : 'completed',
      rehearsal: i % 10 === 0,
      remoteActions: [],
      timeline: Array.from({ length: switches }, (_, k) => ({
        at: new Date(startMs + (k * durationSec * 1000) / switches).toISOString(),
        scene: SCENES[k % SCENES.length]!,
        source: k % 3 === 0 ? ('obs' as const) : ('app' as const),
      })),
      health: { ...emptyHealth(), samples: durationSec / 2, avgKbps: 2500, minKbps: 1800, lastSeenAt: start },
      checklist: [],
      roles: [{ role: 'host', name: i % 3 ? 'Karin Ålund' : 'Östen Ärlig' }],
      notes: i % 4 === 0 ? `Många barn i dag, bra ljud. Nr ${i}.` : '',
      videoUrl: '',
      books: [{ ...BOOKS[i % BOOKS.length]!, creditLineSaid: true, archiveAllowed: false, reportRequired: false }],
      updatedAt: start,
    });
  }
  return entries;
}
