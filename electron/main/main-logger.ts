import { createAppLogger, type AppLogger } from '../../src/core/logging/create-logger';
import { openRotatingLogFile, type LogFile } from '../../src/core/logging/rotating-log-file';

/**
 * The main process's logger: the same shape as the browser host's (core/logging), written
 * to the console (seen when started from a terminal) and to the rotating file in
 * `<userData>/logs`, which an installed app's users can open from Settings.
 */
export function createMainLogger(logDir: string): { logger: AppLogger; logFile: LogFile } {
  const logFile = openRotatingLogFile({ dir: logDir });
  const logger = createAppLogger({
    scope: 'main',
    sinks: [
      // console, not process.stdout: an installed Windows app has no console to write to.
      (line, level) => (level === 'info' ? console.log : console.error)(line.trimEnd()),
      (line) => logFile.write(line),
    ],
  });
  return { logger, logFile };
}
