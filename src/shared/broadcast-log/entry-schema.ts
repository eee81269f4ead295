import { z } from 'zod';
import { EARLIEST_DATE, LATEST_DATE_AHEAD_MS, LOG_LIMITS as L } from './limits';

/**
 * One broadcast in the log. Stored as JSON with `schemaVersion`; `migrateEntry` lifts older
 * versions. Timestamps are ISO strings (UTC) so an export reads well in any tool; plain
 * dates (delete-by, captions due) are YYYY-MM-DD, the day as the librarian means it.
 */
export const LOG_SCHEMA_VERSION = 1;

/** An ISO timestamp between 2000 and ten years from now: absurd dates are refused. */
export const TimestampSchema = z.iso.datetime({ offset: true }).refine((value) => {
  const ms = Date.parse(value);
  return ms >= EARLIEST_DATE && ms <= Date.now() + LATEST_DATE_AHEAD_MS;
}, 'date out of range (2000 to ten years ahead)');

/** A calendar day, YYYY-MM-DD, within the same sane window. */
export const DaySchema = z.iso.date().refine((value) => {
  const ms = Date.parse(`${value}T00:00:00Z`);
  return ms >= EARLIEST_DATE && ms <= Date.now() + LATEST_DATE_AHEAD_MS;
}, 'date out of range (2000 to ten years ahead)');

const text = (max: number) => z.string().max(max);
const optText = (max: number = L.shortText) => text(max).optional();

export const OutcomeSchema = z.enum(['completed', 'ended-by-obs-or-network', 'interrupted', 'failed-to-start']);
export type Outcome = z.infer<typeof OutcomeSchema>;

export const PlatformSchema = z.enum(['youtube', 'facebook', 'custom', 'unknown']);
export type Platform = z.infer<typeof PlatformSchema>;

export const SwitchSourceSchema = z.enum(['app', 'obs', 'other-client']);
export type SwitchSource = z.infer<typeof SwitchSourceSchema>;

export const SceneSwitchSchema = z.object({
  at: TimestampSchema,
  scene: text(512),
  source: SwitchSourceSchema,
  /** The paired phone or tablet that asked for the switch ("Annas telefon"). */
  device: text(200).optional(),
});
export type SceneSwitch = z.infer<typeof SceneSwitchSchema>;

/** What a paired phone or tablet did during the broadcast, for the log's record of who did what. */
export const RemoteActionKindSchema = z.enum([
  'scene',
  'take',
  'mic-on',
  'mic-off',
  'privacy-on',
  'privacy-off',
  'texts',
  'end',
]);
export type RemoteActionKind = z.infer<typeof RemoteActionKindSchema>;

export const RemoteActionSchema = z.object({
  at: TimestampSchema,
  device: text(200),
  action: RemoteActionKindSchema,
  /** The scene or mic it was about, when there is one. */
  target: text(512).optional(),
});
export type RemoteAction = z.infer<typeof RemoteActionSchema>;

/** One GetStreamStatus reading; kept in the entry's own sample file, not in the entry. */
export const HealthSampleSchema = z.object({
  at: TimestampSchema,
  /** From the outputBytes delta since the previous sample. */
  kbps: z.number().min(0).max(1_000_000),
  droppedPct: z.number().min(0).max(100),
  skippedPct: z.number().min(0).max(100),
  /** OBS's 0..1 congestion. */
  congestion: z.number().min(0).max(1),
  reconnecting: z.boolean(),
});
export type HealthSample = z.infer<typeof HealthSampleSchema>;

export const HealthSummarySchema = z.object({
  samples: z.number().int().min(0),
  avgKbps: z.number().min(0).nullable(),
  minKbps: z.number().min(0).nullable(),
  droppedPct: z.number().min(0).max(100),
  skippedPct: z.number().min(0).max(100),
  reconnects: z.number().int().min(0),
  worstCongestion: z.number().min(0).max(1),
  /** The last time OBS was seen streaming: the end of an interrupted broadcast. */
  lastSeenAt: TimestampSchema.nullable(),
});
export type HealthSummary = z.infer<typeof HealthSummarySchema>;

export const ChecklistItemSchema = z.object({
  id: text(100),
  label: text(L.shortText),
  done: z.boolean(),
  overridden: z.boolean().default(false),
  overrideReason: optText(1_000),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

export const RoleSchema = z.object({
  role: z.enum(['host', 'producer', 'moderator', 'helper', 'guest', 'other']),
  name: text(200),
});
export type Role = z.infer<typeof RoleSchema>;

export const BookSchema = z.object({
  title: text(L.title).min(1),
  author: optText(),
  illustrator: optText(),
  translator: optText(),
  publisher: optText(),
  isbn: z
    .string()
    .regex(/^[0-9Xx -]{10,17}$/, 'ISBN: 10 or 13 digits')
    .optional(),
  pagesRead: optText(100),
  permissionSource: optText(),
  permissionReference: optText(),
  creditLineSaid: z.boolean().default(false),
  archiveAllowed: z.boolean().nullable().default(null),
  deleteBy: DaySchema.optional(),
  deletedOn: DaySchema.optional(),
  deletedBy: optText(200),
  reportRequired: z.boolean().default(false),
  reportedToPublisherOn: DaySchema.optional(),
});
export type Book = z.infer<typeof BookSchema>;
export type BookInput = z.input<typeof BookSchema>;

export const EntrySchema = z.object({
  schemaVersion: z.literal(LOG_SCHEMA_VERSION),
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  programType: optText(100),
  preset: optText(200),
  title: text(L.title),
  destination: z
    .object({ name: text(200), platform: PlatformSchema })
    .strict()
    .optional(),
  plannedStart: TimestampSchema.optional(),
  actualStart: TimestampSchema,
  /** null while live. */
  end: TimestampSchema.nullable(),
  durationSec: z
    .number()
    .min(0)
    .max(366 * 24 * 3600)
    .nullable(),
  /** null while live. */
  outcome: OutcomeSchema.nullable(),
  rehearsal: z.boolean(),
  /** Who started the stream: the app's Go live, or OBS's own button (no title, no checklist). */
  startedIn: z.enum(['app', 'obs']).default('app'),
  timeline: z.array(SceneSwitchSchema).max(L.timeline),
  remoteActions: z.array(RemoteActionSchema).max(L.remoteActions).default([]),
  health: HealthSummarySchema,
  checklist: z.array(ChecklistItemSchema).max(L.checklistItems).default([]),
  roles: z.array(RoleSchema).max(L.roles).default([]),
  notes: text(L.notes).default(''),
  videoUrl: z.union([z.url({ protocol: /^https?$/ }).max(L.url), z.literal('')]).default(''),
  recordingPath: optText(L.path),
  /** Set when a recording is kept online: captions are due within 14 days (EU web accessibility rules). */
  captionsDue: DaySchema.optional(),
  captionsDoneOn: DaySchema.optional(),
  books: z.array(BookSchema).max(L.books).default([]),
  updatedAt: TimestampSchema,
});
export type Entry = z.infer<typeof EntrySchema>;
export type EntryInput = z.input<typeof EntrySchema>;

export const emptyHealth = (): HealthSummary => ({
  samples: 0,
  avgKbps: null,
  minKbps: null,
  droppedPct: 0,
  skippedPct: 0,
  reconnects: 0,
  worstCongestion: 0,
  lastSeenAt: null,
});

/**
 * Lifts an entry stored by an older version to the current schema. Version 1 is the first,
 * so there is nothing to lift yet; the hook is here so a version 2 adds one case, not a rewrite.
 */
export function migrateEntry(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (version === LOG_SCHEMA_VERSION) return raw;
  return raw; // unknown versions fail validation and are set aside, never guessed at
}

/** Validates (and migrates) anything read from disk, an import or another side. */
export function parseEntry(raw: unknown): z.ZodSafeParseResult<Entry> {
  return EntrySchema.safeParse(migrateEntry(raw));
}
