import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from './built-output';

/**
 * electron-builder.yml, read by electron-builder's own loader (app-builder-lib, so YAML and
 * `extends` are handled exactly as `npm run dist` would) and checked against its schema.
 */
type BuilderConfig = Record<string, unknown> & {
  appId?: string;
  productName?: string;
  /** getConfig normalises `files` to file sets: [{ filter: [...] }]. */
  files?: Array<string | { from?: string; filter?: string[] }>;
  directories?: { buildResources?: string };
  electronFuses?: Record<string, boolean>;
  linux?: { target?: string[]; category?: string; icon?: string };
  win?: { target?: string[] };
  mac?: {
    target?: string[];
    identity?: string | null;
    hardenedRuntime?: boolean;
    entitlements?: string;
    entitlementsInherit?: string;
    notarize?: boolean;
  };
};
type ConfigModule = {
  getConfig(
    projectDir: string,
    configPath: string | null,
    configFromOptions: Record<string, unknown> | null,
  ): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};

const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as ConfigModule;
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

let config: BuilderConfig = {};
beforeAll(async () => {
  config = await getConfig(projectRoot, 'electron-builder.yml', null);
});

describe('electron-builder.yml', () => {
  it("matches electron-builder's configuration schema", async () => {
    // Validation normalises the object in place, so it gets its own copy.
    const fresh = await getConfig(projectRoot, 'electron-builder.yml', null);
    await expect(validateConfiguration(fresh, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app', () => {
    expect(config.appId).toBe('se.bibblanlive.app');
    expect(config.productName).toBe('Bibblan Live');
  });

  it('packages only the build output and package.json', () => {
    const patterns = (config.files ?? []).flatMap((entry) => {
      if (typeof entry === 'string') return [entry];
      expect(entry.from, 'files must not copy from other folders').toBeUndefined();
      return entry.filter ?? [];
    });
    const included = patterns.filter((pattern) => !pattern.startsWith('!'));
    expect(new Set(included)).toEqual(new Set(['out/**', 'package.json']));
    expect(config.directories?.buildResources).toBe('resources');
  });

  it('burns in the fuses that lock the app down', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });

  it('builds AppImage + deb, NSIS and dmg', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('AudioVideo');
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
  });

  it('signs the Mac app ad hoc when no Developer ID is given, so it starts on Apple Silicon', () => {
    // Without an identity electron-builder skips signing, and the fuses just changed Electron
    // Framework: an arm64 Mac would kill the app at launch (@electron/fuses README, "Apple Silicon").
    expect(config.mac?.identity).toBe('-');
    expect(config.electronFuses?.resetAdHocDarwinSignature).toBe(true);
  });

  it('gives the signed Mac app the entitlements Electron needs under the hardened runtime', () => {
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.entitlementsInherit).toBe(config.mac?.entitlements);
    const plist = readFileSync(join(projectRoot, config.mac?.entitlements ?? 'missing'), 'utf8');
    const granted = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((m) => m[1]);
    // JIT for V8; library validation off because ad-hoc signing keeps Electron's own Team ID
    // on its frameworks (electron-builder's mac.identity documentation). Nothing more.
    expect(new Set(granted)).toEqual(
      new Set(['com.apple.security.cs.allow-jit', 'com.apple.security.cs.disable-library-validation']),
    );
  });

  it("takes a library's Developer ID from the command line and notarises when APPLE_* is set", async () => {
    // README: npm run dist -- --mac -c.mac.identity="Library (TEAMID)"; `-c.x` reaches getConfig
    // as configFromOptions, which wins over the file.
    const withIdentity = await getConfig(projectRoot, 'electron-builder.yml', {
      mac: { identity: 'Stadsbiblioteket (TEAMID1234)' },
    });
    expect(withIdentity.mac?.identity).toBe('Stadsbiblioteket (TEAMID1234)');
    expect(withIdentity.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.notarize).toBe(true);
  });

  it('has a 512x512 PNG icon in the build resources', () => {
    const png = readFileSync(join(projectRoot, 'resources', config.linux?.icon ?? 'icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
