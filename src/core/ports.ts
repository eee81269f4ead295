import type { SecretProtection } from '../shared/api-contract';

/**
 * What the core needs from its host platform. Electron passes electron-store and
 * safeStorage-backed implementations; the browser host and the tests pass conf and a file.
 */

/** A conf-shaped store (electron-store and conf both fit): whole-document read and atomic write. */
export interface DocumentStore {
  /** The parsed document as it is on disk: untrusted, validate before use. */
  get store(): unknown;
  /** Replaces the document; conf writes it atomically (temp file + rename). */
  set store(value: Record<string, unknown>);
}

/** Stream keys are kept per destination id, e.g. `destination.abc123.streamKey`. */
export type SecretName = 'obs.password' | `destination.${string}.streamKey`;

export interface SecretStore {
  readonly protection: SecretProtection;
  get(name: SecretName): string | null;
  set(name: SecretName, value: string): void;
  delete(name: SecretName): void;
}

/**
 * Log lines never carry secrets: callers pass only non-secret data, and the app's logger
 * (core/logging/create-logger.ts) redacts once more before anything is written.
 */
export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
  /** Never write this value (a password or stream key the app has read or saved). */
  addSecret?(value: string | null | undefined): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
