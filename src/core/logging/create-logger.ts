import type { Logger } from '../ports';
import { Redactor } from './redact';

/**
 * The one logger shape of the Electron main process and the browser host: one line per
 * entry, `<ISO time> <level> [scope] message {json}`, redacted once, then handed to every
 * sink (the console or stderr, and the rotating file in the log folder).
 */
export type LogSink = (line: string, level: LogLevel) => void;
export type LogLevel = 'info' | 'warn' | 'error';

export interface AppLoggerOptions {
  scope: string;
  sinks: LogSink[];
  redactor?: Redactor;
  now?: () => Date;
}

export interface AppLogger extends Logger {
  addSecret(value: string | null | undefined): void;
}

export function createAppLogger({
  scope,
  sinks,
  redactor = new Redactor(),
  now = () => new Date(),
}: AppLoggerOptions): AppLogger {
  const log =
    (level: LogLevel) =>
    (message: string, data?: Record<string, unknown>): void => {
      const extra = data && Object.keys(data).length > 0 ? ` ${safeJson(redactor.data(data))}` : '';
      const line = redactor.text(`${now().toISOString()} ${level} [${scope}] ${message}${extra}`) + '\n';
      for (const sink of sinks) {
        try {
          sink(line, level);
        } catch {
          // one broken sink must not silence the others
        }
      }
    };
  return {
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    addSecret: (value) => redactor.addSecret(value),
  };
}

const safeJson = (data: unknown): string => {
  try {
    return JSON.stringify(data);
  } catch {
    return '[unserialisable data]';
  }
};
