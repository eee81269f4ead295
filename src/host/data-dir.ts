import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/**
 * Where the browser host keeps settings.json and secrets.json when --data-dir is not given.
 * It is the folder Electron uses for the same app (its userData: the config folder plus
 * the product name), so the desktop window and the browser host share settings.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), 'Bibblan Live');
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'Bibblan Live');
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = env.XDG_CONFIG_HOME;
  return posix.join(xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.config'), 'Bibblan Live');
}
