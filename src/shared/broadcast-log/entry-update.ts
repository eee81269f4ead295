import { z } from 'zod';
import { BookSchema, DaySchema, EntrySchema, RoleSchema } from './entry-schema';
import { LOG_LIMITS as L } from './limits';

/** What staff may change afterwards; everything OBS reported (times, timeline, health) stays as recorded. */
export const EntryUpdateSchema = z
  .object({
    title: z.string().max(L.title).optional(),
    programType: z.string().max(100).optional(),
    rehearsal: z.boolean().optional(),
    notes: z.string().max(L.notes, `notes: at most ${L.notes} characters`).optional(),
    // Without the entry's default: an update that does not name the link must not clear it.
    videoUrl: EntrySchema.shape.videoUrl.unwrap().optional(),
    recordingPath: z.string().max(L.path).optional(),
    captionsDue: DaySchema.nullable().optional(),
    captionsDoneOn: DaySchema.nullable().optional(),
    books: z.array(BookSchema).max(L.books).optional(),
    roles: z.array(RoleSchema).max(L.roles).optional(),
  })
  .strict();
export type EntryUpdate = z.infer<typeof EntryUpdateSchema>;
