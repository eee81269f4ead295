import { constants } from 'node:fs';
import { lstat, open, readdir, realpath } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../ports';

/**
 * Reads OBS's own profile files when OBS runs on this computer: what obs-websocket 5.1 cannot
 * tell, i.e. the Advanced output mode's stream encoder (basic/profiles/<folder>/streamEncoder.json).
 * Read only, only inside OBS's settings folder: no symlink is followed out of it, folder names
 * come from the disk and are used only when they are plain names.
 */

/** OBS's settings folder, in the order to look: the usual place first, then Linux's Flatpak. */
export function obsConfigDirCandidates(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string[] {
  if (platform === 'win32') {
    const appData =
      env.APPDATA && path.win32.isAbsolute(env.APPDATA) ? env.APPDATA : path.win32.join(home, 'AppData', 'Roaming');
    return [path.win32.join(appData, 'obs-studio')];
  }
  if (platform === 'darwin') return [path.posix.join(home, 'Library', 'Application Support', 'obs-studio')];
  // XDG: a relative XDG_CONFIG_HOME is invalid and ignored.
  const xdg =
    env.XDG_CONFIG_HOME && path.posix.isAbsolute(env.XDG_CONFIG_HOME)
      ? env.XDG_CONFIG_HOME
      : path.posix.join(home, '.config');
  return [
    path.posix.join(xdg, 'obs-studio'),
    path.posix.join(home, '.var', 'app', 'com.obsproject.Studio', 'config', 'obs-studio'),
  ];
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * True when `address` (a ws:// or wss:// URL) reaches OBS on this computer: a loopback host, or
 * an address of one of this computer's network interfaces (what OBS's "Show connect info" shows).
 */
export function isLocalObsAddress(
  address: string,
  interfaces: ReturnType<typeof os.networkInterfaces> = os.networkInterfaces(),
): boolean {
  let host: string;
  try {
    host = new URL(address).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  if (LOOPBACK_HOSTS.has(host)) return true;
  return Object.values(interfaces).some((list) => list?.some((i) => i.address.toLowerCase() === host) ?? false);
}

/** The value of `key` in `[section]` of an ini text as OBS writes it (key=value lines), or null. */
export function iniValue(text: string, section: string, key: string): string | null {
  let current: string | null = null;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) continue;
    if (line.startsWith('[') && line.endsWith(']')) {
      current = line.slice(1, -1).trim();
      continue;
    }
    if (current !== section) continue;
    const eq = line.indexOf('=');
    if (eq > 0 && line.slice(0, eq).trim() === key) return line.slice(eq + 1).trim();
  }
  return null;
}

/** The settings OBS keeps in streamEncoder.json that the checklist needs; other keys are ignored. */
export const StreamEncoderFileSchema = z.object({
  bitrate: z.number().nonnegative().optional(),
  keyint_sec: z.number().nonnegative().optional(),
  rate_control: z.string().optional(),
  /** obs-x264's own options ("keyint=60 ..."): may override keyint_sec. */
  x264opts: z.string().optional(),
});
export type StreamEncoderFile = z.infer<typeof StreamEncoderFileSchema>;

/** Why nothing could be read; never says what the files hold. */
export type ProfileReadProblem = 'noConfigDir' | 'noProfile' | 'unreadable' | 'invalid';

export type StreamEncoderRead =
  | {
      ok: true;
      settings: StreamEncoderFile;
      /** false: no file, OBS uses the encoder's defaults. */ fileFound: boolean;
    }
  | { ok: false; problem: ProfileReadProblem };

/** basic.ini and streamEncoder.json are a few hundred bytes; anything bigger is not OBS's. */
const MAX_FILE_BYTES = 256 * 1024;
/** More profile folders than anyone has: bounds the work of one read. */
const MAX_PROFILE_DIRS = 500;

type ReadText = { ok: true; text: string } | { ok: false; missing: boolean };

/** A regular file's text; no symlink, no device or pipe, nothing large. */
async function readSmallFile(file: string): Promise<ReadText> {
  try {
    const info = await lstat(file);
    if (!info.isFile() || info.size > MAX_FILE_BYTES) return { ok: false, missing: false };
    // O_NOFOLLOW (where the OS has it) closes the gap between lstat and open.
    const handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      const stat = await handle.stat();
      if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return { ok: false, missing: false };
      return { ok: true, text: await handle.readFile('utf8') };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { ok: false, missing: (error as NodeJS.ErrnoException).code === 'ENOENT' };
  }
}

/** A folder name read from the disk that is safe to join: one plain path segment. */
const isPlainName = (name: string): boolean => name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);

export interface ProfileDir {
  dir: string;
  /** Its basic.ini. */
  ini: string;
}

/**
 * The folder under `configDir`/basic/profiles whose basic.ini says [General] Name=`profileName`
 * (OBS makes folder names from profile names, so they may differ). null when none matches, when
 * more than one does, or when the folder lies outside `configDir` (a symlink out of it).
 */
export async function findProfileDir(configDir: string, profileName: string): Promise<ProfileDir | null> {
  let root: string;
  let profiles: string;
  try {
    root = await realpath(configDir);
    profiles = await realpath(path.join(root, 'basic', 'profiles'));
  } catch {
    return null;
  }
  if (!profiles.startsWith(root + path.sep)) return null;
  let entries;
  try {
    entries = await readdir(profiles, { withFileTypes: true });
  } catch {
    return null;
  }
  const folders = entries
    .filter((e) => e.isDirectory() && isPlainName(e.name)) // a symlink is not a directory here
    .map((e) => e.name)
    .sort()
    .slice(0, MAX_PROFILE_DIRS);
  const matches: ProfileDir[] = [];
  for (const name of folders) {
    const dir = path.join(profiles, name);
    const ini = await readSmallFile(path.join(dir, 'basic.ini'));
    if (ini.ok && iniValue(ini.text, 'General', 'Name') === profileName.trim()) matches.push({ dir, ini: ini.text });
  }
  return matches.length === 1 ? matches[0]! : null;
}

/**
 * The Advanced output mode's stream encoder settings of the profile OBS uses. The profile
 * folder must say Mode=Advanced too, as OBS does (it saves basic.ini at once): a folder of
 * the same name in another OBS's settings is not taken for this one's.
 */
export async function readAdvancedStreamEncoder(
  configDirs: readonly string[],
  profileName: string,
): Promise<StreamEncoderRead> {
  let sawConfigDir = false;
  for (const configDir of configDirs) {
    const profile = await findProfileDir(configDir, profileName);
    if (!profile) {
      if (await isDirectory(configDir)) sawConfigDir = true;
      continue;
    }
    sawConfigDir = true;
    if (iniValue(profile.ini, 'Output', 'Mode') !== 'Advanced') continue;
    const file = await readSmallFile(path.join(profile.dir, 'streamEncoder.json'));
    if (!file.ok)
      return file.missing ? { ok: true, settings: {}, fileFound: false } : { ok: false, problem: 'unreadable' };
    let json: unknown;
    try {
      json = JSON.parse(file.text.replace(/^\uFEFF/, ''));
    } catch {
      return { ok: false, problem: 'invalid' };
    }
    const parsed = StreamEncoderFileSchema.safeParse(json);
    return parsed.success ? { ok: true, settings: parsed.data, fileFound: true } : { ok: false, problem: 'invalid' };
  }
  return { ok: false, problem: sawConfigDir ? 'noProfile' : 'noConfigDir' };
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await lstat(await realpath(dir))).isDirectory();
  } catch {
    return false;
  }
}

export interface ObsProfileFilesOptions {
  /** OBS's settings folder; default: where OBS keeps it on this OS (obsConfigDirCandidates). */
  configDir?: string;
  logger: Logger;
}

/**
 * Reads the stream encoder settings for the checklist, and says once (not on every refresh)
 * when it cannot, with the reason only: never a path's contents.
 */
export class ObsProfileFiles {
  readonly #configDir: string | undefined;
  readonly #logger: Logger;
  #lastProblem: ProfileReadProblem | null = null;

  constructor(options: ObsProfileFilesOptions) {
    this.#configDir = options.configDir;
    this.#logger = options.logger;
  }

  async advancedStreamEncoder(profileName: string): Promise<StreamEncoderRead> {
    const dirs = this.#configDir !== undefined ? [this.#configDir] : obsConfigDirCandidates();
    const read = await readAdvancedStreamEncoder(dirs, profileName);
    const problem = read.ok ? null : read.problem;
    if (problem !== null && problem !== this.#lastProblem) {
      this.#logger.warn("Could not read OBS's stream encoder settings (Advanced output mode)", { problem });
    }
    this.#lastProblem = problem;
    return read;
  }
}
