import { app, dialog } from 'electron';
import type { Logger } from '../../src/core/ports';
import { dialogLanguage, startFailedText } from './dialog-texts';

/**
 * A start that failed, told to the user: an installed app has no console, so without this
 * nothing would open at all. `dialog.showErrorBox` works before `ready` too. Then exit 1.
 */
export function reportStartFailure(error: unknown, logger: Logger, logDir: string): void {
  logger.error('The app could not start', { error: error instanceof Error ? error : String(error) });
  const language = dialogLanguage(app.getPath('userData'), safeLocale());
  const { title, body } = startFailedText(language, logDir);
  try {
    dialog.showErrorBox(title, body);
  } finally {
    app.exit(1);
  }
}

function safeLocale(): string {
  try {
    return app.getLocale();
  } catch {
    return '';
  }
}
