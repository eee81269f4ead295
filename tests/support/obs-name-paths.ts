import type { z } from 'zod';
import { apiRequests, requestNames, type RequestName } from '../../src/shared/api-contract';
import { ObsNameSchema } from '../../src/shared/obs-name';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
};
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The paths in a params schema where the contract takes an OBS name (ObsNameSchema itself,
 * optional or nullable), e.g. [['sceneName']]. Walks zod 4's definitions: objects, wrappers,
 * arrays (as index 0), unions and pipes.
 */
export function obsNamePaths(schema: z.ZodType, path: Array<string | number> = []): Array<Array<string | number>> {
  if (schema === ObsNameSchema) return [path];
  const def = defOf(schema);
  const found: Array<Array<string | number>> = [];
  if (def.shape)
    for (const [key, child] of Object.entries(def.shape)) found.push(...obsNamePaths(child, [...path, key]));
  if (def.innerType) found.push(...obsNamePaths(def.innerType, path));
  if (def.type === 'array' && def.element) found.push(...obsNamePaths(def.element, [...path, 0]));
  for (const option of def.options ?? []) found.push(...obsNamePaths(option, path));
  if (def.type === 'pipe' && def.in && def.out)
    found.push(...obsNamePaths(def.in, path), ...obsNamePaths(def.out, path));
  return found;
}

/** Every request whose params take an OBS name, with the paths. */
export const requestsTakingObsNames = (): Map<RequestName, Array<Array<string | number>>> =>
  new Map(
    requestNames
      .map((name) => [name, obsNamePaths(apiRequests[name].params)] as const)
      .filter(([, paths]) => paths.length > 0),
  );

/** Strings no OBS name may be: each must be refused, wherever it stands in the name. */
export const UNSAFE_NAME_SAMPLES = [
  'Scene\u0000x', // NUL: OBS would cut it to "Scene"
  '\u0000',
  'Scene\u0007',
  'Scene\u001b[31m',
  'Scene\u007f',
  'Scene\u0085', // C1 (NEL)
  'Scene\u009f',
  'Scene\uD800', // lone high surrogate
  '\uDC00Scene', // lone low surrogate
  'Sce\uDBFFne',
  '\u202EenecS', // right-to-left override
  'Scene\u2066x\u2069',
  'Scene\u200F',
  'Scene\u2028x',
  'Scene\uFEFF',
  'Scene\uFFFF',
  'Scene\nx',
  'Scene\tx',
] as const;

/** Names OBS may well hold: each must pass. */
export const SAFE_NAME_SAMPLES = [
  'Scene',
  'Sagostund – Läsare',
  ' Scene with spaces ',
  'Språkcafé ☕',
  '👩‍👩‍👧‍👦 Familj', // joiners (U+200D) stay
  'مرحبا', // right-to-left script without bidi controls
  '中文场景',
  '\uD83D\uDE00', // a surrogate pair (😀) is not a lone surrogate
  'x'.repeat(512),
] as const;
