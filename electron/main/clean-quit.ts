import { app, powerMonitor, type BrowserWindow } from 'electron';
import type { AppCore } from '../../src/core/app-core';
import type { Logger } from '../../src/core/ports';

/** Bounded: a core that hangs must never keep the app (or a shutdown) waiting. */
export const STOP_TIMEOUT_MS = 5_000;

export interface CleanQuit {
  /** Windows sends session end to windows, not to the app: each window is watched. */
  watchWindow(win: BrowserWindow): void;
}

/**
 * One clean `core.stop()` (the OBS link and the broadcast log closed as the user meant), run
 * once, whichever comes first: quitting the app, the OS shutting down (macOS, Linux), or
 * Windows ending the session (shutdown, restart, log off), where `before-quit` never comes.
 */
export function setupCleanQuit(core: AppCore, logger: Logger): CleanQuit {
  let stopping: Promise<void> | null = null;
  let stopped = false;

  const stopOnce = (reason: string): Promise<void> => {
    stopping ??= (async () => {
      logger.info('Stopping the core', { reason });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          logger.warn('The core did not stop in time; quitting anyway', { seconds: STOP_TIMEOUT_MS / 1000 });
          resolve();
        }, STOP_TIMEOUT_MS);
      });
      try {
        await Promise.race([core.stop(), timeout]);
      } catch (error) {
        logger.error('The core did not stop cleanly', { error: String(error) });
      } finally {
        clearTimeout(timer);
        stopped = true;
      }
    })();
    return stopping;
  };
  const stopThenQuit = (reason: string): void => {
    void stopOnce(reason).then(() => app.quit());
  };

  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    stopThenQuit('quit');
  });
  // macOS and Linux: preventDefault asks the OS to wait while the core stops.
  powerMonitor.on('shutdown', (event?: { preventDefault?: () => void }) => {
    event?.preventDefault?.();
    stopThenQuit('shutdown');
  });

  return {
    watchWindow(win) {
      // Windows asks first (the stop may delay the shutdown briefly), then ends the session.
      win.on('query-session-end', (event) => {
        if (stopped) return;
        event.preventDefault();
        logger.info('Windows is ending the session', { reasons: event.reasons });
        stopThenQuit('session-end');
      });
      win.on('session-end', () => stopThenQuit('session-end'));
    },
  };
}
