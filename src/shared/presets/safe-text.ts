import { z } from 'zod';

/**
 * Text rules shared by every preset field that ends up in OBS or on screen. Control
 * characters are refused (they break OBS's names and can hide text, e.g. U+202E); line
 * breaks are allowed only where a text is meant to span lines (slide texts).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export const NAME_MAX = 64;

/** A name shown in OBS (preset, scene, source): 1–64 characters, no control characters, trimmed. */
export const SafeNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(NAME_MAX, `must be at most ${NAME_MAX} characters`)
  .refine((s) => !CONTROL.test(s), 'must not contain control characters');

/** A one-line value the user fills in (title, names, start time). */
export const DetailValueSchema = z
  .string()
  .max(200, 'must be at most 200 characters')
  .refine((s) => !CONTROL.test(s), 'must not contain control characters');

/** A slide text template: may span lines, may hold {{placeholders}}. */
export const TemplateSchema = z
  .string()
  .max(500, 'must be at most 500 characters')
  .refine((s) => !CONTROL_EXCEPT_NEWLINE.test(s), 'must not contain control characters');

/** Stable ids inside a preset (scene ids, source ids): never shown, used for ownership. */
export const KeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1–40 lowercase letters, digits or dashes');

/** A preset's id: "builtin-…" is reserved for the presets that ship with the app. */
export const PresetIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be 1–64 lowercase letters, digits or dashes');
