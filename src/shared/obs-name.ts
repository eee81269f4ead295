import { z } from 'zod';

/**
 * Characters no text the app passes on to OBS (or stores for it) may hold:
 * - control characters, C0, DEL and C1 (`Cc`): OBS cuts a name at NUL ("Scene\0x" is "Scene"),
 *   and the others break its config files or hide in pasted text;
 * - lone surrogates (`Cs`): not encodable as UTF-8, so OBS would get U+FFFD, another name;
 * - bidi controls (U+061C, U+200E/F, U+202A–E, U+2066–9): make one name look like another
 *   ("\u202Egnp.exe");
 * - line and paragraph separators (U+2028/9), noncharacters and U+FEFF: invisible, or lines
 *   where one line is meant.
 * Joiners (U+200D) stay: emoji and many scripts need them.
 */
const UNSAFE_CHARS = /[\p{Cc}\p{Cs}\p{Bidi_Control}\p{Zl}\p{Zp}\p{Noncharacter_Code_Point}\uFEFF]/u;

/** The message every schema gives for them; the preset editor recognises "control characters". */
export const UNSAFE_CHARS_MESSAGE = 'must not contain control characters';

/** True when `text` holds none of the unsafe characters; `multiline` lets line breaks (\n) through. */
export function isSafeText(text: string, { multiline = false } = {}): boolean {
  return !UNSAFE_CHARS.test(multiline ? text.replaceAll('\n', '') : text);
}

/** Refuses unsafe characters in a string schema, with the one message: `withSafeText(z.string().max(9))`. */
export const withSafeText = <T extends z.ZodString>(schema: T, options: { multiline?: boolean } = {}): T =>
  schema.refine((s) => isSafeText(s, options), UNSAFE_CHARS_MESSAGE);

const UNSAFE_CHARS_ALL = new RegExp(UNSAFE_CHARS.source, 'gu');

/**
 * Stored data written before a character was refused must still load, not be skipped (and lost
 * at the next save): every string in `value` loses the unsafe characters, line breaks kept
 * (a Windows \r\n becomes \n). Input from a user is refused instead, never cleaned silently.
 */
export function cleanStoredText(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.replaceAll('\r\n', '\n').replace(UNSAFE_CHARS_ALL, (c) => (c === '\n' ? c : ''));
  }
  if (Array.isArray(value)) return value.map(cleanStoredText);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanStoredText(v)]));
  }
  return value;
}

export const OBS_NAME_MAX = 512;

/**
 * The name of an OBS object the API names — scene, input, transition — as sent to OBS.
 * Not trimmed: OBS names may start or end with spaces, and the name must be OBS's own.
 */
export const ObsNameSchema = withSafeText(z.string().min(1).max(OBS_NAME_MAX));
