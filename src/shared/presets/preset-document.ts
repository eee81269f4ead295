import { z } from 'zod';
import { PRESET_SCHEMA_VERSION, PresetSchema, type Preset } from './preset-schema';

/** One thing wrong with a document, at a path like "scenes.2.name". */
export const ProblemSchema = z.object({ path: z.string(), message: z.string() });
export type Problem = z.infer<typeof ProblemSchema>;

export type ParseOutcome = { ok: true; preset: Preset } | { ok: false; problems: Problem[] };

/**
 * Upgrades an older document one version at a time. Empty while v1 is the only version:
 * v2 adds `1: (doc) => ({ ...doc, schemaVersion: 2, ... })` here and raises the schema.
 */
const migrations: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

const MAX_PROBLEMS = 20;

export function problemsFrom(error: z.ZodError, prefix: (string | number)[] = []): Problem[] {
  return error.issues.slice(0, MAX_PROBLEMS).map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** Any untrusted value (an imported file, the store) to a current preset, or its problems. Never throws. */
export function parsePresetDocument(value: unknown): ParseOutcome {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: [{ path: '(root)', message: 'must be a JSON object (a preset)' }] };
  }
  let doc = value as Record<string, unknown>;
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, problems: [{ path: 'schemaVersion', message: 'missing: this is not a Bibblan Live preset' }] };
  }
  if (version > PRESET_SCHEMA_VERSION || version < 1) {
    return {
      ok: false,
      problems: [
        {
          path: 'schemaVersion',
          message: `version ${version} is unknown to this app (it reads up to ${PRESET_SCHEMA_VERSION})`,
        },
      ],
    };
  }
  for (let v = version; v < PRESET_SCHEMA_VERSION; v += 1) {
    const migrate = migrations[v];
    if (!migrate) return { ok: false, problems: [{ path: 'schemaVersion', message: `no upgrade from version ${v}` }] };
    doc = migrate(doc);
  }
  const parsed = PresetSchema.safeParse(doc);
  return parsed.success ? { ok: true, preset: parsed.data } : { ok: false, problems: problemsFrom(parsed.error) };
}

/** A file's text to a preset: invalid JSON is one problem, with the position JSON.parse gives. */
export function parsePresetJson(text: string): ParseOutcome {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [
        {
          path: '(file)',
          message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`.slice(0, 200),
        },
      ],
    };
  }
  return parsePresetDocument(value);
}

export const exportPresetJson = (preset: Preset): string => `${JSON.stringify(preset, null, 2)}\n`;
