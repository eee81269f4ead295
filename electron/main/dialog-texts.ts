import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Texts of the dialogs the main process shows itself, before or without the UI: a failed
 * start, a crashed or stuck window. Pure (no `electron` import) so tests/electron checks them.
 */
export type DialogLanguage = 'sv' | 'en';

/**
 * The saved language when settings.json can be read; else the OS's: English for an English
 * locale, Swedish for everything else (Swedish first).
 */
export function dialogLanguage(userDataDir: string, osLocale: string): DialogLanguage {
  try {
    const saved = z
      .object({ language: z.enum(['sv', 'en']) })
      .safeParse(JSON.parse(readFileSync(join(userDataDir, 'settings.json'), 'utf8')));
    if (saved.success) return saved.data.language;
  } catch {
    // no settings yet, or unreadable: fall back to the OS
  }
  return /^en\b/i.test(osLocale) ? 'en' : 'sv';
}

export interface RendererProblemText {
  title: string;
  message: string;
  detail: string;
  reload: string;
  quit: string;
}

const texts = {
  sv: {
    startFailed: {
      title: 'Bibblan Live kunde inte starta',
      body: (logDir: string) =>
        'Bibblan Live stängs nu. Starta programmet igen.\n\n' +
        'Händer det igen: starta om datorn och försök en gång till. Hjälper inte det, kontakta den som sköter ' +
        'datorerna på biblioteket och berätta att felet finns i loggfilen i den här mappen:\n' +
        logDir,
    },
    crashed: {
      title: 'Bibblan Live',
      message: 'Fönstret i Bibblan Live slutade fungera.',
      detail:
        'Sändningar och inspelningar i OBS fortsätter som vanligt. Tryck på Ladda om för att få tillbaka fönstret.',
      reload: 'Ladda om',
      quit: 'Avsluta',
    },
    notReady: {
      title: 'Bibblan Live',
      message: 'Fönstret i Bibblan Live blev inte klart.',
      detail: 'Tryck på Ladda om för att försöka igen. Händer det igen: avsluta och starta Bibblan Live på nytt.',
      reload: 'Ladda om',
      quit: 'Avsluta',
    },
  },
  en: {
    startFailed: {
      title: 'Bibblan Live could not start',
      body: (logDir: string) =>
        'Bibblan Live will close now. Start it again.\n\n' +
        'If it happens again: restart the computer and try once more. If that does not help, contact whoever ' +
        "looks after the library's computers and tell them the error is in the log file in this folder:\n" +
        logDir,
    },
    crashed: {
      title: 'Bibblan Live',
      message: 'The Bibblan Live window stopped working.',
      detail: 'Streams and recordings in OBS go on as before. Press Reload to bring the window back.',
      reload: 'Reload',
      quit: 'Quit',
    },
    notReady: {
      title: 'Bibblan Live',
      message: 'The Bibblan Live window did not finish loading.',
      detail: 'Press Reload to try again. If it happens again: quit and start Bibblan Live once more.',
      reload: 'Reload',
      quit: 'Quit',
    },
  },
} as const;

export const startFailedText = (language: DialogLanguage, logDir: string): { title: string; body: string } => ({
  title: texts[language].startFailed.title,
  body: texts[language].startFailed.body(logDir),
});

export const rendererProblemText = (language: DialogLanguage, problem: 'crashed' | 'notReady'): RendererProblemText =>
  texts[language][problem];
