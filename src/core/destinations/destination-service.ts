import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  DestinationInputSchema,
  DestinationSchema,
  ServerUrlSchema,
  StreamKeySchema,
  type Destination,
} from '../../shared/destinations/destination-schema';
import { PlatformSchema, platforms } from '../../shared/destinations/platforms';
import { cleanStreamKey, splitServerAndKey } from '../../shared/destinations/stream-url';
import { appError } from '../../shared/errors';
import { fail, ok, type Result } from '../../shared/result';
import type { DocumentStore, Logger, SecretName, SecretStore } from '../ports';
import { cleanStoredText } from '../../shared/obs-name';

/** What destinations.json holds: never a key (those live in the SecretStore only). */
const StoredDestinationSchema = z.object({
  id: z.string(),
  name: z.string(),
  platform: PlatformSchema,
  server: z.string(),
  isTest: z.boolean().default(false),
});
type StoredDestination = z.infer<typeof StoredDestinationSchema>;

const DocumentSchema = z.object({ destinations: z.array(z.unknown()).default([]) });

export const streamKeySecret = (id: string): SecretName => `destination.${id}.streamKey`;

/**
 * The destinations staff stream to. Names, platforms and servers in a document store; the
 * stream keys in the SecretStore, read by the core only at go-live and on an explicit reveal.
 * Log lines name destinations by id only: a server URL may carry a key someone typed into it.
 */
export class DestinationService {
  readonly #store: DocumentStore;
  readonly #secrets: SecretStore;
  readonly #logger: Logger;

  constructor(store: DocumentStore, secrets: SecretStore, logger: Logger) {
    this.#store = store;
    this.#secrets = secrets;
    this.#logger = logger;
  }

  list(): Destination[] {
    return this.#read().map((d) => this.#toPublic(d));
  }

  get(id: string): Destination | null {
    const found = this.#read().find((d) => d.id === id);
    return found ? this.#toPublic(found) : null;
  }

  /** Creates or updates; a whole URL-with-key in the server field is split here too. */
  save(raw: unknown): Result<Destination> {
    const parsed = DestinationInputSchema.safeParse(raw);
    if (!parsed.success) return fail(appError('VALIDATION_FAILED'));
    const input = parsed.data;
    const split = splitServerAndKey(input.server);
    const server = ServerUrlSchema.safeParse(split.server || platforms[input.platform].server);
    if (!server.success) return fail(appError('STREAM_SERVER_INVALID'));

    // A key typed into the key field wins over one found in the pasted URL.
    let newKey: string | null | undefined; // undefined: keep
    if (input.key.kind === 'set') newKey = cleanStreamKey(input.key.value);
    else if (input.key.kind === 'clear') newKey = null;
    if ((newKey === undefined || newKey === '') && split.key !== null) newKey = cleanStreamKey(split.key);
    if (newKey === '') newKey = undefined;
    if (typeof newKey === 'string' && !StreamKeySchema.safeParse(newKey).success) {
      return fail(appError('STREAM_KEY_INVALID'));
    }

    const all = this.#read();
    const existing = input.id ? all.find((d) => d.id === input.id) : undefined;
    if (input.id && !existing) return fail(appError('DESTINATION_NOT_FOUND'));
    const id = existing?.id ?? randomBytes(8).toString('hex');
    const stored: StoredDestination = {
      id,
      name: input.name,
      platform: input.platform,
      server: server.data,
      isTest: input.isTest,
    };
    try {
      if (typeof newKey === 'string') this.#secrets.set(streamKeySecret(id), newKey);
      else if (newKey === null) this.#secrets.delete(streamKeySecret(id));
      const next = existing ? all.map((d) => (d.id === id ? stored : d)) : [...all, stored];
      this.#write(next);
    } catch (error) {
      this.#logger.error('Could not save a destination', {
        id,
        error: error instanceof Error ? error.message : 'unknown',
      });
      return fail(appError('STORAGE_WRITE_FAILED', { file: 'destinations.json' }));
    }
    this.#logger.info('Destination saved', { id, platform: input.platform, keyChanged: newKey !== undefined });
    return ok(this.#toPublic(stored));
  }

  delete(id: string): Result<null> {
    const all = this.#read();
    if (!all.some((d) => d.id === id)) return fail(appError('DESTINATION_NOT_FOUND'));
    try {
      this.#secrets.delete(streamKeySecret(id));
      this.#write(all.filter((d) => d.id !== id));
    } catch {
      return fail(appError('STORAGE_WRITE_FAILED', { file: 'destinations.json' }));
    }
    this.#logger.info('Destination deleted', { id });
    return ok(null);
  }

  /** For the reveal button and for go-live only. */
  key(id: string): Result<string> {
    if (!this.#read().some((d) => d.id === id)) return fail(appError('DESTINATION_NOT_FOUND'));
    const key = this.#secrets.get(streamKeySecret(id));
    return key ? ok(key) : fail(appError('STREAM_KEY_MISSING'));
  }

  #toPublic(d: StoredDestination): Destination {
    return DestinationSchema.parse({
      ...d,
      backupServer: d.platform === 'youtube' ? platforms.youtube.backupServer : null,
      hasKey: this.#secrets.get(streamKeySecret(d.id)) !== null,
    });
  }

  #read(): StoredDestination[] {
    const doc = DocumentSchema.safeParse(this.#store.store);
    if (!doc.success) return [];
    const out: StoredDestination[] = [];
    for (const item of doc.data.destinations) {
      const parsed = StoredDestinationSchema.safeParse(cleanStoredText(item));
      if (parsed.success) out.push(parsed.data);
      else this.#logger.warn('A stored destination has an unknown shape and is skipped');
    }
    return out;
  }

  #write(destinations: StoredDestination[]): void {
    this.#store.store = { version: 1, destinations };
  }
}
