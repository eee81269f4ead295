import type { Logger } from '../../src/core/ports';

/**
 * One line per entry on the main process's stdout/stderr. Callers pass only non-secret data
 * (see Logger in src/core/ports.ts); nothing here inspects or redacts it.
 */
export function createConsoleLogger(scope: string): Logger {
  const line = (level: string, message: string, data?: Record<string, unknown>): string =>
    `${new Date().toISOString()} ${level} [${scope}] ${message}${data ? ` ${JSON.stringify(data)}` : ''}`;
  return {
    info: (message, data) => console.log(line('info', message, data)),
    warn: (message, data) => console.warn(line('warn', message, data)),
    error: (message, data) => console.error(line('error', message, data)),
  };
}
