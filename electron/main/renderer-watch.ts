import { app, dialog, type BrowserWindow } from 'electron';
import type { Logger } from '../../src/core/ports';
import { dialogLanguage, rendererProblemText } from './dialog-texts';

/** Long enough for a slow library laptop; the UI normally asks the core within a second. */
export const RENDERER_READY_TIMEOUT_MS = 30_000;

export interface RendererWatch {
  /** The UI in this window answered: it runs (called on its first IPC request). */
  ready(): void;
}

/**
 * A window whose UI crashed, failed to load or never started must not leave the user with
 * nothing: each of those shows a dialog (Reload / Quit) and is logged.
 */
export function watchRenderer(
  win: BrowserWindow,
  logger: Logger,
  timeoutMs = RENDERER_READY_TIMEOUT_MS,
): RendererWatch {
  let deadline: NodeJS.Timeout | null = null;
  let asking = false;

  const armDeadline = (): void => {
    if (deadline) clearTimeout(deadline);
    deadline = setTimeout(() => {
      deadline = null;
      logger.error('The window did not become ready in time', { seconds: timeoutMs / 1000 });
      void ask('notReady');
    }, timeoutMs);
  };
  const ready = (): void => {
    if (deadline) clearTimeout(deadline);
    deadline = null;
  };

  const ask = async (problem: 'crashed' | 'notReady'): Promise<void> => {
    if (asking || win.isDestroyed()) return;
    asking = true;
    ready();
    const text = rendererProblemText(dialogLanguage(app.getPath('userData'), app.getLocale()), problem);
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: text.title,
      message: text.message,
      detail: text.detail,
      buttons: [text.reload, text.quit],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    asking = false;
    if (response !== 0 || win.isDestroyed()) {
      app.quit();
      return;
    }
    logger.info('Reloading the window');
    armDeadline();
    win.webContents.reload();
  };

  win.webContents.on('render-process-gone', (_event, details) => {
    logger.error('The renderer process ended', { reason: details.reason, exitCode: details.exitCode });
    if (details.reason !== 'clean-exit') void ask('crashed');
  });
  win.webContents.on('did-fail-load', (_event, errorCode, errorDescription, _url, isMainFrame) => {
    // -3 (ERR_ABORTED): a load replaced by another, e.g. a reload; not a failure.
    if (!isMainFrame || errorCode === -3) return;
    logger.error('The window could not load the UI', { errorCode, errorDescription });
    void ask('notReady');
  });
  win.on('closed', ready);
  armDeadline();
  return { ready };
}
