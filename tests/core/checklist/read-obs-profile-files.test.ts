import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  findProfileDir,
  iniValue,
  isLocalObsAddress,
  obsConfigDirCandidates,
  ObsProfileFiles,
  readAdvancedStreamEncoder,
} from '../../../src/core/checklist/read-obs-profile-files';
import { streamEncoderFacts } from '../../../src/core/checklist/read-output-facts';
import type { Logger } from '../../../src/core/ports';
import { makeTempDir } from '../../support/temp-dir';

/**
 * Finding OBS's settings folder and the current profile's folder, and reading its
 * streamEncoder.json, on folders laid out as OBS 29 lays them out (see
 * advanced-output.obs.test.ts for the same against a real OBS).
 */
const temps: Array<{ remove(): void }> = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

const tempDir = (): string => {
  const dir = makeTempDir('bibblan-obs-config-');
  temps.push(dir);
  return dir.path;
};

/** An OBS settings folder with these profiles: folder name → basic.ini text (and streamEncoder.json). */
function obsConfig(profiles: Record<string, { ini: string; encoder?: string }>, root = tempDir()): string {
  for (const [folder, files] of Object.entries(profiles)) {
    const dir = join(root, 'basic', 'profiles', folder);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'basic.ini'), files.ini);
    if (files.encoder !== undefined) writeFileSync(join(dir, 'streamEncoder.json'), files.encoder);
  }
  return root;
}

const ini = (name: string, mode = 'Advanced') =>
  `[General]\nName=${name}\n\n[Video]\nOutputCY=720\n\n[Output]\nMode=${mode}\n`;

describe("OBS's settings folder", () => {
  it('is where OBS keeps it on each OS, with the Flatpak folder after the usual one on Linux', () => {
    expect(obsConfigDirCandidates({}, 'linux', '/home/ada')).toEqual([
      '/home/ada/.config/obs-studio',
      '/home/ada/.var/app/com.obsproject.Studio/config/obs-studio',
    ]);
    expect(obsConfigDirCandidates({ XDG_CONFIG_HOME: '/srv/cfg' }, 'linux', '/home/ada')[0]).toBe(
      '/srv/cfg/obs-studio',
    );
    // A relative XDG_CONFIG_HOME is invalid by the spec: ignored.
    expect(obsConfigDirCandidates({ XDG_CONFIG_HOME: 'cfg' }, 'linux', '/home/ada')[0]).toBe(
      '/home/ada/.config/obs-studio',
    );
    expect(obsConfigDirCandidates({ APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ada')).toEqual([
      'C:\\Users\\ada\\AppData\\Roaming\\obs-studio',
    ]);
    expect(obsConfigDirCandidates({}, 'darwin', '/Users/ada')).toEqual([
      '/Users/ada/Library/Application Support/obs-studio',
    ]);
  });

  it('is read only when the OBS address is this computer', () => {
    const interfaces = {
      eth0: [
        {
          address: '192.168.1.20',
          netmask: '255.255.255.0',
          family: 'IPv4',
          mac: '00:00:00:00:00:00',
          internal: false,
          cidr: null,
        },
      ],
    } as const;
    const local = (a: string) => isLocalObsAddress(a, interfaces as never);
    expect(
      [
        'ws://127.0.0.1:4455',
        'ws://localhost:4455',
        'ws://LOCALHOST:4455',
        'ws://[::1]:4455',
        'wss://127.0.0.1',
        'ws://192.168.1.20:4455',
      ].map(local),
    ).toEqual([true, true, true, true, true, true]);
    expect(
      ['ws://192.0.2.7:4455', 'ws://obs.bibliotek.se:4455', 'ws://127.0.0.2:4455', 'not an address', ''].map(local),
    ).toEqual([false, false, false, false, false]);
  });
});

describe('iniValue', () => {
  it('reads a key of one section as OBS writes it (BOM, CRLF, spaces)', () => {
    const text = '\uFEFF[General]\r\nName = Min profil \r\n\r\n[Output]\r\nMode=Advanced\r\nName=not this one\r\n';
    expect(iniValue(text, 'General', 'Name')).toBe('Min profil');
    expect(iniValue(text, 'Output', 'Mode')).toBe('Advanced');
    expect(iniValue(text, 'Output', 'Missing')).toBeNull();
    expect(iniValue(text, 'Video', 'Name')).toBeNull();
    expect(iniValue('Name=outside any section', 'General', 'Name')).toBeNull();
  });
});

describe('findProfileDir', () => {
  it('finds the folder by the Name in its basic.ini, whatever the folder is called', async () => {
    const root = obsConfig({ Untitled: { ini: ini('Untitled') }, Min_profil2: { ini: ini('Min profil/2') } });
    expect((await findProfileDir(root, 'Min profil/2'))?.dir).toBe(join(root, 'basic', 'profiles', 'Min_profil2'));
    expect((await findProfileDir(root, 'Untitled'))?.dir).toBe(join(root, 'basic', 'profiles', 'Untitled'));
    expect(await findProfileDir(root, 'Min_profil2')).toBeNull();
  });

  it('finds nothing when no folder or more than one claims the name, or there is no profiles folder', async () => {
    const root = obsConfig({ A: { ini: ini('Samma') }, B: { ini: ini('Samma') }, C: { ini: '[General]\n' } });
    expect(await findProfileDir(root, 'Samma')).toBeNull();
    expect(await findProfileDir(tempDir(), 'Untitled')).toBeNull();
    expect(await findProfileDir(join(tempDir(), 'no-such-dir'), 'Untitled')).toBeNull();
  });

  it('follows no symlink out of the settings folder', async () => {
    const outside = obsConfig({ Elsewhere: { ini: ini('Untitled'), encoder: '{"bitrate":1}' } });
    // A profile folder that is a symlink to a folder outside.
    const root = obsConfig({ Real: { ini: ini('Annan') } });
    symlinkSync(join(outside, 'basic', 'profiles', 'Elsewhere'), join(root, 'basic', 'profiles', 'Linked'));
    expect(await findProfileDir(root, 'Untitled')).toBeNull();
    // A basic.ini that is a symlink.
    const iniLinked = obsConfig({ P: { ini: ini('Other') } });
    symlinkSync(
      join(outside, 'basic', 'profiles', 'Elsewhere', 'basic.ini'),
      join(iniLinked, 'basic', 'profiles', 'P', 'linked.ini'),
    );
    mkdirSync(join(iniLinked, 'basic', 'profiles', 'Q'));
    symlinkSync(
      join(outside, 'basic', 'profiles', 'Elsewhere', 'basic.ini'),
      join(iniLinked, 'basic', 'profiles', 'Q', 'basic.ini'),
    );
    expect(await findProfileDir(iniLinked, 'Untitled')).toBeNull();
    // basic/profiles itself a symlink out.
    const profilesLinked = tempDir();
    mkdirSync(join(profilesLinked, 'basic'));
    symlinkSync(join(outside, 'basic', 'profiles'), join(profilesLinked, 'basic', 'profiles'));
    expect(await findProfileDir(profilesLinked, 'Untitled')).toBeNull();
  });

  it('accepts a settings folder that is itself a symlink (some people move it)', async () => {
    const real = obsConfig({ Untitled: { ini: ini('Untitled') } });
    const link = join(tempDir(), 'obs-studio');
    symlinkSync(real, link);
    expect((await findProfileDir(link, 'Untitled'))?.dir).toMatch(/Untitled$/);
  });
});

describe('readAdvancedStreamEncoder', () => {
  it('reads bitrate and keyframe interval, keeping only the keys it knows', async () => {
    const root = obsConfig({
      Untitled: {
        ini: ini('Untitled'),
        encoder: '{"bitrate":3500,"keyint_sec":2,"preset":"veryfast","rate_control":"CBR"}',
      },
    });
    expect(await readAdvancedStreamEncoder([root], 'Untitled')).toEqual({
      ok: true,
      fileFound: true,
      settings: { bitrate: 3500, keyint_sec: 2, rate_control: 'CBR' },
    });
  });

  it('takes a missing file as the encoder defaults', async () => {
    const root = obsConfig({ Untitled: { ini: ini('Untitled') } });
    expect(await readAdvancedStreamEncoder([root], 'Untitled')).toEqual({ ok: true, fileFound: false, settings: {} });
  });

  it('says a file is invalid when it is not JSON or not what OBS writes', async () => {
    for (const encoder of ['{"bitrate":', '[]', '{"bitrate":"fast"}', '{"keyint_sec":-2}', '']) {
      const root = obsConfig({ Untitled: { ini: ini('Untitled'), encoder } });
      expect(await readAdvancedStreamEncoder([root], 'Untitled'), encoder).toEqual({ ok: false, problem: 'invalid' });
    }
  });

  it('says a file is unreadable when it is a folder, a symlink or too big', async () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.json'), '{"bitrate":1000,"keyint_sec":2}');
    const asFolder = obsConfig({ Untitled: { ini: ini('Untitled') } });
    mkdirSync(join(asFolder, 'basic', 'profiles', 'Untitled', 'streamEncoder.json'));
    const asLink = obsConfig({ Untitled: { ini: ini('Untitled') } });
    symlinkSync(join(outside, 'secret.json'), join(asLink, 'basic', 'profiles', 'Untitled', 'streamEncoder.json'));
    const tooBig = obsConfig({ Untitled: { ini: ini('Untitled'), encoder: `{"x264opts":"${'a'.repeat(300_000)}"}` } });
    for (const root of [asFolder, asLink, tooBig]) {
      expect(await readAdvancedStreamEncoder([root], 'Untitled')).toEqual({ ok: false, problem: 'unreadable' });
    }
  });

  it("takes no profile whose basic.ini is not in Advanced mode: it is another OBS's", async () => {
    const simple = obsConfig({ Untitled: { ini: ini('Untitled', 'Simple'), encoder: '{"bitrate":1000}' } });
    expect(await readAdvancedStreamEncoder([simple], 'Untitled')).toEqual({ ok: false, problem: 'noProfile' });
    // The next candidate (Flatpak's folder) has the profile OBS uses.
    const flatpak = obsConfig({ Untitled: { ini: ini('Untitled'), encoder: '{"bitrate":1000}' } });
    expect(await readAdvancedStreamEncoder([simple, flatpak], 'Untitled')).toMatchObject({
      ok: true,
      settings: { bitrate: 1000 },
    });
    expect(await readAdvancedStreamEncoder([join(tempDir(), 'missing'), flatpak], 'Untitled')).toMatchObject({
      ok: true,
    });
    expect(await readAdvancedStreamEncoder([join(tempDir(), 'missing')], 'Untitled')).toEqual({
      ok: false,
      problem: 'noConfigDir',
    });
  });

  it('warns once per problem, with the reason only', async () => {
    const warnings: Array<[string, unknown]> = [];
    const logger: Logger = { info() {}, error() {}, warn: (m, d) => warnings.push([m, d]) };
    const root = obsConfig({ Untitled: { ini: ini('Untitled'), encoder: '{"bitrate":"geheim-4711"' } });
    const files = new ObsProfileFiles({ configDir: root, logger });
    for (let i = 0; i < 3; i += 1)
      expect(await files.advancedStreamEncoder('Untitled')).toEqual({ ok: false, problem: 'invalid' });
    expect(warnings).toEqual([
      ["Could not read OBS's stream encoder settings (Advanced output mode)", { problem: 'invalid' }],
    ]);
    expect(JSON.stringify(warnings)).not.toContain('geheim');
    writeFileSync(join(root, 'basic', 'profiles', 'Untitled', 'streamEncoder.json'), '{"bitrate":2000}');
    expect(await files.advancedStreamEncoder('Untitled')).toMatchObject({ ok: true });
    writeFileSync(join(root, 'basic', 'profiles', 'Untitled', 'streamEncoder.json'), '{');
    await files.advancedStreamEncoder('Untitled');
    expect(warnings).toHaveLength(2);
  });
});

describe('streamEncoderFacts', () => {
  it("fills in obs-x264's defaults: 2500 kbps (6000 from OBS 31 on), keyframe interval 0 (auto)", () => {
    expect(streamEncoderFacts('obs_x264', {}, 29)).toEqual({ videoKbps: 2500, keyframeSec: 0 });
    // obs-x264's default bitrate is 6000 from OBS 31 on; unknown when the version is.
    expect(streamEncoderFacts('obs_x264', {}, 32)).toEqual({ videoKbps: 6000, keyframeSec: 0 });
    expect(streamEncoderFacts('obs_x264', {}, null)).toEqual({ videoKbps: null, keyframeSec: 0 });
    expect(streamEncoderFacts('obs_x264', { bitrate: 6000, keyint_sec: 2 }, 29)).toEqual({
      videoKbps: 6000,
      keyframeSec: 2,
    });
  });

  it('says nothing it cannot know: quality-based rate control, keyint in x264 options, unknown defaults', () => {
    expect(streamEncoderFacts('obs_x264', { rate_control: 'CRF', keyint_sec: 2 }, 29)).toEqual({
      videoKbps: null,
      keyframeSec: 2,
    });
    expect(streamEncoderFacts('jim_nvenc', { rate_control: 'CQP', bitrate: 5000, keyint_sec: 2 }, 29)).toEqual({
      videoKbps: null,
      keyframeSec: 2,
    });
    expect(streamEncoderFacts('obs_x264', { x264opts: 'bframes=0 keyint=60', keyint_sec: 0 }, 29)).toEqual({
      videoKbps: 2500,
      keyframeSec: null,
    });
    expect(streamEncoderFacts('obs_qsv11', {}, 29)).toEqual({ videoKbps: null, keyframeSec: null });
    expect(streamEncoderFacts('jim_nvenc', { bitrate: 4000, keyint_sec: 0 }, 29)).toEqual({
      videoKbps: 4000,
      keyframeSec: 0,
    });
  });
});
