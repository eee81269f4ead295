import { z } from 'zod';
import { withSafeText } from '../obs-name';

/**
 * Text rules shared by every preset field that ends up in OBS or on screen. Unsafe
 * characters (see obs-name.ts) are refused; line breaks are allowed only where a text is
 * meant to span lines (slide texts).
 */
export const NAME_MAX = 64;
export const DETAIL_VALUE_MAX = 200;
export const TEMPLATE_MAX = 500;

/** A name shown in OBS (preset, scene, source): 1–64 characters, no control characters, trimmed. */
export const SafeNameSchema = withSafeText(
  z.string().trim().min(1, 'must not be empty').max(NAME_MAX, `must be at most ${NAME_MAX} characters`),
);

/** A one-line value the user fills in (title, names, start time). */
export const DetailValueSchema = withSafeText(
  z.string().max(DETAIL_VALUE_MAX, `must be at most ${DETAIL_VALUE_MAX} characters`),
);

/** A slide text template: may span lines, may hold {{placeholders}}. */
export const TemplateSchema = withSafeText(z.string().max(TEMPLATE_MAX, `must be at most ${TEMPLATE_MAX} characters`), {
  multiline: true,
});

/** Stable ids inside a preset (scene ids, source ids): never shown, used for ownership. */
export const KeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1–40 lowercase letters, digits or dashes');

/** A preset's id: "builtin-…" is reserved for the presets that ship with the app. */
export const PresetIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be 1–64 lowercase letters, digits or dashes');
