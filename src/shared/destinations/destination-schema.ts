import { z } from 'zod';
import { isSafeText, UNSAFE_CHARS_MESSAGE, withSafeText } from '../obs-name';
import { PlatformSchema } from './platforms';

// No unsafe characters anywhere (see obs-name.ts): they hide in pasted text and break OBS's config files.

export const DestinationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const DestinationNameSchema = withSafeText(z.string().trim().min(1).max(120));

/** rtmp:// or rtmps:// with a host; what OBS's rtmp_custom service takes as `server`. */
export const ServerUrlSchema = z
  .string()
  .trim()
  .min(1)
  .max(2048)
  .refine((s) => isSafeText(s), UNSAFE_CHARS_MESSAGE)
  .refine((s) => /^rtmps?:\/\/[^/\s?#]+/i.test(s), { message: 'must start with rtmp:// or rtmps://' })
  .refine(
    (s) => {
      try {
        return new URL(s).hostname.length > 0;
      } catch {
        return false;
      }
    },
    { message: 'not a URL' },
  );

/** After cleanStreamKey: printable, no spaces. */
export const StreamKeySchema = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[\x21-\x7e]+$/, { message: 'printable characters without spaces' });

/** What every API result says about a destination: never the key, only whether one is kept. */
export const DestinationSchema = z.object({
  id: DestinationIdSchema,
  name: z.string(),
  platform: PlatformSchema,
  server: z.string(),
  /** YouTube's backup ingest, shown for reference; OBS streams to `server`. */
  backupServer: z.string().nullable(),
  hasKey: z.boolean(),
  /** Marked as a test destination: streams to it count as rehearsals. */
  isTest: z.boolean(),
});
export type Destination = z.infer<typeof DestinationSchema>;

/** keep: leave the stored key; set: a new one (cleaned, then validated); clear: delete it. */
export const KeyChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('keep') }).strict(),
  z.object({ kind: z.literal('set'), value: z.string().max(4096) }).strict(),
  z.object({ kind: z.literal('clear') }).strict(),
]);
export type KeyChange = z.infer<typeof KeyChangeSchema>;

export const DestinationInputSchema = z
  .object({
    /** Absent: a new destination. */
    id: DestinationIdSchema.optional(),
    name: DestinationNameSchema,
    platform: PlatformSchema,
    /** May carry the key (a pasted URL): the core splits it. */
    server: z.string().max(4096),
    key: KeyChangeSchema,
    isTest: z.boolean().default(false),
  })
  .strict();
export type DestinationInput = z.input<typeof DestinationInputSchema>;
