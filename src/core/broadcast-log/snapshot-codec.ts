import type { Entry, SceneSwitch, SwitchSource } from '../../shared/broadcast-log/entry-schema';

/**
 * How entries are written in the snapshot. The scene timeline is most of an entry's size
 * (20 switches as objects with ISO times: ~1.4 kB of ~2.2 kB), yet the list, search, to-do and
 * statistics never read it. So the snapshot stores it compactly (scene names once, then
 * [ms since the previous switch, scene index, source index] triples), and opening the log
 * expands it only when something reads `entry.timeline`: the index stays lean and opening
 * 10,000 entries parses less than half the bytes.
 */
interface CompactTimeline {
  /** Scene names, each once. */
  s: string[];
  /** Flattened triples: ms after the previous switch (the first: after actualStart), scene index, source index. */
  d: number[];
  /** The paired device behind a switch, by the switch's position; absent when no phone switched. */
  r?: Record<string, string>;
}

const SOURCES: SwitchSource[] = ['app', 'obs', 'other-client'];

/** Compact forms of entries whose timeline has not been expanded yet: written back as they are. */
const compactOf = new WeakMap<Entry, CompactTimeline>();
const expanded = new WeakSet<Entry>();

export function encodeTimeline(timeline: readonly SceneSwitch[], startMs: number): CompactTimeline {
  const s: string[] = [];
  const index = new Map<string, number>();
  const d: number[] = [];
  const r: Record<string, string> = {};
  let previous = startMs;
  for (const [position, sw] of timeline.entries()) {
    if (sw.device !== undefined) r[position] = sw.device;
    let i = index.get(sw.scene);
    if (i === undefined) {
      i = s.push(sw.scene) - 1;
      index.set(sw.scene, i);
    }
    const at = Date.parse(sw.at);
    d.push(at - previous, i, SOURCES.indexOf(sw.source));
    previous = at;
  }
  return Object.keys(r).length > 0 ? { s, d, r } : { s, d };
}

export function decodeTimeline(compact: CompactTimeline, startMs: number): SceneSwitch[] {
  const out: SceneSwitch[] = [];
  let at = startMs;
  for (let k = 0; k + 2 < compact.d.length; k += 3) {
    at += compact.d[k]!;
    const device = compact.r?.[k / 3];
    out.push({
      at: new Date(at).toISOString(),
      scene: compact.s[compact.d[k + 1]!] ?? '',
      source: SOURCES[compact.d[k + 2]!] ?? 'obs',
      ...(typeof device === 'string' ? { device } : {}),
    });
  }
  return out;
}

/** One snapshot line. */
export function entryToSnapshotLine(entry: Entry): string {
  const lazy = compactOf.get(entry);
  const tl = lazy && !expanded.has(entry) ? lazy : encodeTimeline(entry.timeline, Date.parse(entry.actualStart));
  const { timeline: _timeline, ...rest } = entry;
  return JSON.stringify({ ...rest, tl });
}

/** A parsed snapshot line in the shape `EntrySchema` checks (for lines that must be validated). */
export function snapshotLineToRaw(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || !('tl' in raw)) return raw;
  const { tl, ...rest } = raw as { tl: CompactTimeline; actualStart?: unknown };
  const startMs = typeof rest.actualStart === 'string' ? Date.parse(rest.actualStart) : NaN;
  if (!isCompact(tl) || !Number.isFinite(startMs)) return { ...rest, timeline: null };
  return { ...rest, timeline: decodeTimeline(tl, startMs) };
}

/** A line from a trusted snapshot (checksum matched): the timeline expands on first read. */
export function snapshotLineToEntry(raw: Entry & { tl: CompactTimeline }): Entry {
  const { tl } = raw;
  delete (raw as Partial<typeof raw>).tl;
  const entry = raw as Entry;
  const startMs = Date.parse(entry.actualStart);
  let cached: SceneSwitch[] | null = null;
  Object.defineProperty(entry, 'timeline', {
    enumerable: true,
    configurable: true,
    get() {
      if (cached === null) {
        cached = decodeTimeline(tl, startMs);
        expanded.add(entry);
      }
      return cached;
    },
  });
  compactOf.set(entry, tl);
  return entry;
}

function isCompact(value: unknown): value is CompactTimeline {
  const v = value as CompactTimeline;
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray(v.s) &&
    v.s.every((s) => typeof s === 'string') &&
    Array.isArray(v.d) &&
    v.d.length % 3 === 0 &&
    v.d.every((n) => Number.isFinite(n))
  );
}

/**
 * The second line of a format-2 snapshot: every entry's index row (see `IndexRow`), newest
 * first, in the order of the entry lines that follow; and the other sort orders as positions
 * in `rows`, so opening sorts nothing.
 */
export interface SnapshotIndex {
  rows: unknown[];
  byDuration: unknown[];
  byTitle: unknown[];
}
