import { z } from 'zod';
import type { Entry } from './entry-schema';

/** Days before a delete-by or captions date when it shows up as "soon". */
export const TODO_SOON_DAYS = 3;

export const TodoKindSchema = z.enum(['delete-recording', 'report-publisher', 'captions']);
export type TodoKind = z.infer<typeof TodoKindSchema>;

export const TodoItemSchema = z.object({
  entryId: z.string(),
  entryTitle: z.string(),
  kind: TodoKindSchema,
  /** The book concerned, for delete and report items. */
  bookIndex: z.number().int().min(0).optional(),
  bookTitle: z.string().optional(),
  /** YYYY-MM-DD, or null when there is no date (a report not yet sent). */
  due: z.string().nullable(),
  overdue: z.boolean(),
});
export type TodoItem = z.infer<typeof TodoItemSchema>;

const dayMs = 24 * 3_600_000;
const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * What staff still owe after broadcasts: recordings to delete by a publisher's date (shown
 * from `TODO_SOON_DAYS` before), publisher reports not sent, captions due within 14 days.
 */
export function computeTodo(entries: Iterable<Entry>, nowMs: number): TodoItem[] {
  const today = dayOf(nowMs);
  const soon = dayOf(nowMs + TODO_SOON_DAYS * dayMs);
  const items: TodoItem[] = [];
  for (const entry of entries) {
    if (entry.outcome === null) continue; // still live: nothing is owed yet
    const base = { entryId: entry.id, entryTitle: entry.title };
    entry.books.forEach((book, bookIndex) => {
      if (book.deleteBy && !book.deletedOn && book.deleteBy <= soon) {
        items.push({
          ...base,
          kind: 'delete-recording',
          bookIndex,
          bookTitle: book.title,
          due: book.deleteBy,
          overdue: book.deleteBy < today,
        });
      }
      if (book.reportRequired && !book.reportedToPublisherOn) {
        items.push({ ...base, kind: 'report-publisher', bookIndex, bookTitle: book.title, due: null, overdue: false });
      }
    });
    if (entry.captionsDue && !entry.captionsDoneOn) {
      items.push({ ...base, kind: 'captions', due: entry.captionsDue, overdue: entry.captionsDue < today });
    }
  }
  // Overdue first, then by date; undated (reports) last.
  return items.sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || (a.due ?? '9999').localeCompare(b.due ?? '9999'),
  );
}
