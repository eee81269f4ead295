import { z } from 'zod';
import { EntrySchema, SceneSwitchSchema } from '../../shared/broadcast-log/entry-schema';

/**
 * One line of the journal. `seq` orders every change; the snapshot remembers the last seq it
 * holds, so replaying a journal that a crash left behind after compaction changes nothing twice.
 * `v` is the record format's version (migrations key on it).
 */
export const JOURNAL_RECORD_VERSION = 1;

const base = { v: z.literal(JOURNAL_RECORD_VERSION), seq: z.number().int().min(1) };

/** Top-level fields of an entry replaced as a whole; validated again as a whole entry on apply. */
const PatchFieldsSchema = EntrySchema.omit({ id: true, schemaVersion: true }).partial();

export const JournalRecordSchema = z.discriminatedUnion('op', [
  z.object({ ...base, op: z.literal('put'), entry: z.unknown() }),
  z.object({
    ...base,
    op: z.literal('patch'),
    id: z.string(),
    set: z.record(z.string(), z.unknown()),
    /** Optional fields cleared (JSON has no `undefined`: without this a cleared date would come back). */
    unset: z.array(z.string()).max(50).optional(),
  }),
  z.object({ ...base, op: z.literal('switch'), id: z.string(), switch: SceneSwitchSchema }),
]);
export type JournalRecord = z.infer<typeof JournalRecordSchema>;

/**
 * The patch's own fields, validated. zod applies `.default()` inside `.partial()`, so a patch
 * of one field would come back with the defaulted fields (checklist, roles, notes, video link,
 * books) set to empty, and wipe them: only the fields the patch names are kept.
 */
export function parsePatchFields(
  set: unknown,
): { success: true; data: z.infer<typeof PatchFieldsSchema> } | { success: false; error: z.ZodError } {
  const parsed = PatchFieldsSchema.safeParse(set);
  if (!parsed.success) return parsed;
  const named = new Set(typeof set === 'object' && set !== null ? Object.keys(set) : []);
  const data = Object.fromEntries(Object.entries(parsed.data).filter(([key]) => named.has(key))) as z.infer<
    typeof PatchFieldsSchema
  >;
  return { success: true, data };
}

export const SnapshotHeaderSchema = z.object({
  format: z.literal('bibblan-live.broadcast-log.snapshot'),
  /**
   * 1: header, then one entry per line. 2: header, then an index line (the list fields of
   * every entry, newest first, and the other sort orders), then the entries in that order:
   * opening builds the index from that one line and parses an entry only when it is read.
   */
  v: z.union([z.literal(1), z.literal(2)]),
  lastSeq: z.number().int().min(0),
  entries: z.number().int().min(0),
  writtenAt: z.string(),
  /**
   * sha256 of every byte after the header line. When it matches, the file is exactly what this
   * app wrote from validated entries, and opening skips re-validating each one (the bulk of
   * the open time at 10,000 entries); any hand edit or damage fails it, and then every line is
   * validated and bad ones set aside.
   */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type SnapshotHeader = z.infer<typeof SnapshotHeaderSchema>;
