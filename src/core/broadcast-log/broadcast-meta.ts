import { z } from 'zod';
import {
  BookSchema,
  ChecklistItemSchema,
  PlatformSchema,
  RoleSchema,
  TimestampSchema,
} from '../../shared/broadcast-log/entry-schema';
import { LOG_LIMITS as L } from '../../shared/broadcast-log/limits';

/**
 * What the go-live flow knows before OBS goes live and hands to the recorder with
 * `beginBroadcast`: never the stream key, only the destination's name and platform.
 */
export const BroadcastMetaSchema = z
  .object({
    title: z.string().max(L.title).optional(),
    programType: z.string().max(100).optional(),
    preset: z.string().max(200).optional(),
    destination: z
      .object({ name: z.string().max(200), platform: PlatformSchema })
      .strict()
      .optional(),
    plannedStart: TimestampSchema.optional(),
    rehearsal: z.boolean().optional(),
    checklist: z.array(ChecklistItemSchema).max(L.checklistItems).optional(),
    roles: z.array(RoleSchema).max(L.roles).optional(),
    books: z.array(BookSchema).max(L.books).optional(),
    recordingPath: z.string().max(L.path).optional(),
  })
  .strict();
export type BroadcastMeta = z.infer<typeof BroadcastMetaSchema>;
export type BroadcastMetaInput = z.input<typeof BroadcastMetaSchema>;

/** What the after-broadcast list asks of the stream's entry: YYYY-MM-DD dates, null for none. */
export interface AfterDuties {
  captionsDue: string | null;
  deleteBy: string | null;
}
