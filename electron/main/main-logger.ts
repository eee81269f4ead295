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
      (line, level) => (level === 'info' ? process.stdout : process.stderr).write(line),
      (line) => logFile.write(line),
    ],
  });
  return { logger, logFile };
}
