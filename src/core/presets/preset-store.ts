import { z } from 'zod';
import { appError, type AppError } from '../../shared/errors';
import {
  DetailsSchema,
  DeviceChoiceSchema,
  TextLanguageSchema,
  type DeviceChoice,
  type Details,
} from '../../shared/presets/preset-details';
import { parsePresetDocument } from '../../shared/presets/preset-document';
import type { Preset } from '../../shared/presets/preset-schema';
import { fail, ok, type Result } from '../../shared/result';
import { silentLogger, type DocumentStore, type Logger } from '../ports';
import { emptyOwnership, OwnershipSchema, type Ownership } from './ownership';
import { cleanStoredText } from '../../shared/obs-name';

/**
 * presets.json: the user's own presets, every preset's program details and device choices,
 * and what the app created in OBS for each (ownership). Read through zod: a damaged entry is
 * dropped on its own (and logged) instead of taking the whole file with it.
 * Version 2 records scenes and inputs as `{name, uuid?}`; version 1's name-only ownership
 * is read as such (OwnershipSchema) and written back as version 2 on the next change.
 */
const STORE_VERSION = 2;

const StoreShape = z.object({
  schemaVersion: z.literal(STORE_VERSION).catch(STORE_VERSION),
  userPresets: z.array(z.unknown()).catch([]),
  details: z.record(z.string(), z.unknown()).catch({}),
  devices: z.record(z.string(), z.unknown()).catch({}),
  ownership: z.record(z.string(), z.unknown()).catch({}),
});

interface StoreData {
  userPresets: Preset[];
  details: Record<string, Details>;
  devices: Record<string, DeviceChoice>;
  ownership: Record<string, Ownership>;
}

export class PresetStore {
  readonly #store: DocumentStore;
  readonly #logger: Logger;
  #data: StoreData;

  constructor(store: DocumentStore, logger: Logger = silentLogger) {
    this.#store = store;
    this.#logger = logger;
    this.#data = this.#read();
  }

  get userPresets(): readonly Preset[] {
    return this.#data.userPresets;
  }

  details(presetId: string): Details {
    return this.#data.details[presetId] ?? {};
  }

  devices(presetId: string): DeviceChoice {
    return this.#data.devices[presetId] ?? {};
  }

  ownership(presetId: string): Ownership {
    return this.#data.ownership[presetId] ?? emptyOwnership();
  }

  saveUserPreset(preset: Preset): Result<null> {
    const others = this.#data.userPresets.filter((p) => p.id !== preset.id);
    const index = this.#data.userPresets.findIndex((p) => p.id === preset.id);
    const userPresets =
      index === -1 ? [...others, preset] : this.#data.userPresets.map((p) => (p.id === preset.id ? preset : p));
    return this.#write({ ...this.#data, userPresets });
  }

  deleteUserPreset(presetId: string): Result<null> {
    const { [presetId]: _d, ...details } = this.#data.details;
    const { [presetId]: _v, ...devices } = this.#data.devices;
    const { [presetId]: _o, ...ownership } = this.#data.ownership;
    return this.#write({
      userPresets: this.#data.userPresets.filter((p) => p.id !== presetId),
      details,
      devices,
      ownership,
    });
  }

  setDetails(presetId: string, details: Details, devices?: DeviceChoice): Result<null> {
    return this.#write({
      ...this.#data,
      details: { ...this.#data.details, [presetId]: details },
      devices: devices ? { ...this.#data.devices, [presetId]: devices } : this.#data.devices,
    });
  }

  setOwnership(presetId: string, ownership: Ownership): Result<null> {
    return this.#write({ ...this.#data, ownership: { ...this.#data.ownership, [presetId]: ownership } });
  }

  #write(next: StoreData): Result<null> {
    try {
      this.#store.store = { schemaVersion: STORE_VERSION, ...next };
      this.#data = next;
      return ok(null);
    } catch (error) {
      this.#logger.error('Could not write the presets file', { error: String(error) });
      return fail(appError('STORAGE_WRITE_FAILED', { file: 'presets.json' }));
    }
  }

  #read(): StoreData {
    const raw = this.#store.store;
    const shape = StoreShape.safeParse(typeof raw === 'object' && raw !== null ? raw : {});
    const doc = shape.success ? shape.data : StoreShape.parse({});
    const userPresets: Preset[] = [];
    for (const entry of doc.userPresets) {
      const parsed = parsePresetDocument(entry);
      if (parsed.ok && !userPresets.some((p) => p.id === parsed.preset.id)) userPresets.push(parsed.preset);
      else
        this.#logger.warn('A stored preset was not valid and is ignored', {
          problems: parsed.ok ? 'duplicate id' : parsed.problems.slice(0, 3),
        });
    }
    return {
      userPresets,
      details: validEntries(withKnownLanguage(doc.details), DetailsSchema),
      devices: validEntries(doc.devices, DeviceChoiceSchema),
      ownership: validEntries(doc.ownership, OwnershipSchema, (presetId) =>
        this.#logger.warn("A preset's record of what it made in OBS was not valid and is ignored", { presetId }),
      ),
    };
  }
}

/**
 * A program's details with a slide language this version does not know (a hand-edited file, or
 * one from a newer app) keep everything else and fall back to Swedish, instead of being dropped.
 */
function withKnownLanguage(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([presetId, value]) => {
      if (typeof value !== 'object' || value === null || !('language' in value)) return [presetId, value];
      if (TextLanguageSchema.safeParse(value.language).success) return [presetId, value];
      const { language: _unknown, ...rest } = value;
      return [presetId, rest];
    }),
  );
}

function validEntries<T>(
  record: Record<string, unknown>,
  schema: z.ZodType<T>,
  onInvalid?: (key: string) => void,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(record)) {
    const parsed = schema.safeParse(cleanStoredText(value));
    if (parsed.success) out[key] = parsed.data;
    else onInvalid?.(key);
  }
  return out;
}

/** The presets file's own words for "set aside" (the generic one talks about the OBS connection). */
export function presetStoreNotices(notices: AppError[]): AppError[] {
  return notices.map((n) => (n.code === 'STORAGE_FILE_SET_ASIDE' ? appError('PRESETS_FILE_SET_ASIDE', n.params) : n));
}
