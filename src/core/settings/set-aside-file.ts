import { existsSync, readFileSync, renameSync } from 'node:fs';
import { basename } from 'node:path';
import { appError, type AppError } from '../../shared/errors';

/**
 * A JSON file that cannot be read or parsed (or fails `isValid`) is moved aside, never
 * deleted: the user may want it back. Returns the notice to show, or null when all is well.
 */
export function setAsideIfCorrupt(
  filePath: string,
  isValid: (value: unknown) => boolean = isJsonObject,
): AppError | null {
  if (!existsSync(filePath)) return null;
  try {
    const value: unknown = JSON.parse(readFileSync(filePath, 'utf8'));
    if (isValid(value)) return null;
  } catch {
    // unreadable or not JSON: fall through and set it aside
  }
  const movedTo = `${filePath}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(filePath, movedTo);
  } catch {
    return appError('STORAGE_WRITE_FAILED', { file: basename(filePath) });
  }
  return appError('STORAGE_FILE_SET_ASIDE', { file: basename(filePath), movedTo });
}

/** Every document the app stores is a JSON object at its root. */
export const isJsonObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
