import { z } from 'zod';
import { withSafeText } from '../obs-name';
import { DetailValueSchema } from './safe-text';

/**
 * The program's details, filled into slide texts as {{placeholders}}. Kept per preset,
 * apart from the preset itself, so built-in presets (read-only) can be filled in too.
 */
export const detailKeys = [
  'title',
  'startTime',
  'libraryName',
  'reader',
  'author',
  'host',
  'bookTitle',
  'bookAuthor',
  'illustrator',
  'publisher',
] as const;
export type DetailKey = (typeof detailKeys)[number];

/** The language of the program's slides (and a built-in's scene names): the program's, never the UI's. */
export const TextLanguageSchema = z.enum(['sv', 'en']);
export type TextLanguage = z.infer<typeof TextLanguageSchema>;

export const DetailsSchema = z
  .object({
    ...(Object.fromEntries(detailKeys.map((key) => [key, DetailValueSchema.optional()])) as Record<
      DetailKey,
      z.ZodOptional<typeof DetailValueSchema>
    >),
    /** Missing in details stored before it existed: Swedish, as they were shown then. */
    language: TextLanguageSchema.optional(),
  })
  .strict();
export type Details = z.infer<typeof DetailsSchema>;

/** The language a program's slides are in: its own choice, Swedish by default. */
export function programLanguage(details: Details): TextLanguage {
  return details.language ?? 'sv';
}

/** A device id from OBS's lists: sent back to OBS in an input's settings. */
const DeviceIdSchema = withSafeText(z.string().max(512));

/** Device ids chosen from OBS's lists, per camera/microphone slot. */
export const DeviceChoiceSchema = z
  .object({
    camera1: DeviceIdSchema.optional(),
    camera2: DeviceIdSchema.optional(),
    camera3: DeviceIdSchema.optional(),
    microphone1: DeviceIdSchema.optional(),
    microphone2: DeviceIdSchema.optional(),
  })
  .strict();
export type DeviceChoice = z.infer<typeof DeviceChoiceSchema>;

const creditWords = {
  sv: { by: 'av', illustrated: 'illustrerad av', permission: 'Uppläst med tillstånd.' },
  en: { by: 'by', illustrated: 'illustrated by', permission: 'Read with permission.' },
} as const;

/**
 * The spoken/shown credit a read-aloud permission asks for: title, author, illustrator,
 * publisher. Parts left empty are left out, so a half-filled form still reads well.
 */
export function creditLine(details: Details, language: TextLanguage): string {
  const w = creditWords[language];
  const title = details.bookTitle?.trim();
  if (!title) return '';
  let line = `”${title}”`;
  if (details.bookAuthor?.trim()) line += ` ${w.by} ${details.bookAuthor.trim()}`;
  if (details.illustrator?.trim()) line += `, ${w.illustrated} ${details.illustrator.trim()}`;
  if (details.publisher?.trim()) line += ` (${details.publisher.trim()})`;
  return `${line}. ${w.permission}`;
}

/**
 * Fills {{key}} placeholders. Unknown keys stay as they are (a typo shows up on screen
 * rather than vanishing); lines left empty by missing details are dropped.
 */
export function fillTemplate(template: string, details: Details, language: TextLanguage): string {
  const values: Record<string, string> = { creditLine: creditLine(details, language) };
  for (const key of detailKeys) values[key] = details[key]?.trim() ?? '';
  const filled = template.split('\n').map((line) => {
    let hadPlaceholder = false;
    let allEmpty = true;
    const out = line.replace(/\{\{\s*([a-zA-Z]+)\s*\}\}/g, (match, key: string) => {
      if (!Object.hasOwn(values, key)) return match;
      hadPlaceholder = true;
      if (values[key]) allEmpty = false;
      return values[key] ?? '';
    });
    return hadPlaceholder && allEmpty ? null : out.trimEnd();
  });
  return filled.filter((line): line is string => line !== null).join('\n');
}
