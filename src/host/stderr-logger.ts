import type { Logger } from '../core/ports';

/** One line per entry on stderr: stdout belongs to the "Serving at" line alone. */
export function createStderrLogger(write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const log =
    (level: string) =>
    (message: string, data?: Record<string, unknown>): void => {
      const extra = data && Object.keys(data).length > 0 ? ` ${safeJson(data)}` : '';
      write(`${new Date().toISOString()} ${level} ${message}${extra}\n`);
    };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

const safeJson = (data: Record<string, unknown>): string => {
  try {
    return JSON.stringify(data);
  } catch {
    return '[unserialisable data]';
  }
};
