import type { z } from 'zod';
import { en } from '../../i18n/en';
import { sv } from '../../i18n/sv';

/**
 * Why an entry of an imported file could not be read, in the UI's words, the way the preset
 * editor says it: where ("Sändning 3 › Bok 1 › Titel") and what ("saknas"), never a schema path.
 */
export interface ImportProblem {
  where: string;
  what: string;
}

const messages = (language: string) => (language === 'en' ? en : sv).log;

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

export function importProblem(index: number, raw: unknown, issue: z.core.$ZodIssue, language: string): ImportProblem {
  const m = messages(language);
  const fields: Record<string, string> = {
    ...m.import.fields,
    title: m.detail.title,
    programType: m.detail.programType,
    outcome: m.detail.outcome,
    startedIn: m.detail.startedIn,
    rehearsal: m.filters.rehearsal,
    notes: m.detail.notes,
    videoUrl: m.detail.videoUrl,
    recordingPath: m.detail.recordingPath,
    captionsDue: m.detail.captionsDue,
    captionsDoneOn: m.detail.captionsDone,
    roles: m.detail.roles,
    books: m.books.heading,
  };
  const bookFields: Record<string, string> = m.books;
  const title = valueAt(raw, ['title']);
  const where = [
    typeof title === 'string' && title.trim()
      ? m.import.entryNamed.replace('{{n}}', String(index + 1)).replace('{{title}}', title.trim().slice(0, 60))
      : m.import.entry.replace('{{n}}', String(index + 1)),
  ];
  const [head, i, field] = issue.path;
  if (head === 'books' && typeof i === 'number') {
    where.push(m.books.book.replace('{{n}}', String(i + 1)));
    if (typeof field === 'string' && bookFields[field]) where.push(bookFields[field]);
  } else if (head === 'roles' && typeof i === 'number') {
    where.push(m.import.role.replace('{{n}}', String(i + 1)));
  } else if (typeof head === 'string' && fields[head]) {
    where.push(fields[head]);
  } else if (head !== undefined) {
    where.push(m.import.otherField);
  }
  const missing = issue.path.length > 0 && valueAt(raw, issue.path) === undefined;
  const what = missing
    ? m.import.what.missing
    : issue.code === 'too_big'
      ? m.import.what.tooLong
      : head === undefined
        ? m.import.what.notEntry
        : m.import.what.unreadable;
  return { where: where.join(' › '), what };
}
