import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../src/core/app-core';
import { ObsProfileFiles } from '../../../src/core/checklist/read-obs-profile-files';
import { readOutputFacts } from '../../../src/core/checklist/read-output-facts';
import { ObsController } from '../../../src/core/obs/obs-controller';
import type { Logger } from '../../../src/core/ports';
import { MemoryDocumentStore } from '../../../src/core/settings/memory-document-store';
import type { AutoCheckResult, ChecklistStatus } from '../../../src/shared/checklist/checklist-schema';
import { defaultTemplates } from '../../../src/shared/checklist/default-templates';
import { evaluateChecklist } from '../../../src/shared/checklist/evaluate';
import type { OutputFacts } from '../../../src/shared/checklist/obs-output-facts';
import type { Destination } from '../../../src/shared/destinations/destination-schema';
import type { Result } from '../../../src/shared/result';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { startObs, withRawObs, type RunningObs } from '../../support/obs-studio';
import { startRtmpIngest } from '../../support/rtmp-ingest';
import { waitFor } from '../../support/wait-for';
import { scaled } from '../../support/timeouts';

/**
 * The output check in OBS's Advanced output mode, against a real OBS (29, 30 or 32): obs-websocket
 * cannot read the stream encoder's settings, so the app reads streamEncoder.json from OBS's
 * profile folder when OBS runs on this computer. OBS names the folder after the profile but
 * not the same ("Bibblan – avancerad/1" lives in "Bibblan__avancerad1"), which the app must
 * find by the Name in each folder's basic.ini.
 *
 * Verified by hand on this OBS: SetProfileParameter writes basic.ini at once (GetProfileParameter
 * reads it), while OBS's own outputs pick up Advanced mode and streamEncoder.json only when
 * the profile is loaded again (a profile switch or a restart); with keyint_sec 0 OBS logs
 * "keyint: 250" (x264's default), with the file's bitrate.
 */
const PROFILE = 'Bibblan – avancerad/1';
const FACEBOOK: Destination = {
  id: 'fb',
  name: 'Facebook',
  platform: 'facebook',
  server: 'rtmps://rtmp-api.facebook.com:443/rtmp/',
  backupServer: null,
  hasKey: true,
  isTest: false,
};

describe('output settings in Advanced mode, real OBS', () => {
  let obs: RunningObs;
  let controller: ObsController;
  let configDir: string;
  let profileDir: string;
  const warnings: string[] = [];
  const logger: Logger = { info() {}, error() {}, warn: (m, d) => warnings.push(`${m} ${JSON.stringify(d ?? {})}`) };
  const files = () => new ObsProfileFiles({ configDir, logger });
  const encoderFile = () => join(profileDir, 'streamEncoder.json');
  /** obs-x264's default bitrate on the OBS under test (the last test checks it in OBS's log). */
  const defaultKbps = () => (Number.parseInt(controller.state.versions?.obsVersion ?? '', 10) >= 31 ? 6000 : 2500);
  const writeEncoder = (text: string) => {
    rmSync(encoderFile(), { recursive: true, force: true });
    writeFileSync(encoderFile(), text);
  };

  const read = async (address = obs.address): Promise<OutputFacts> => {
    const facts = await readOutputFacts(controller, { address, profileFiles: files() });
    if (!facts.ok) throw new Error(JSON.stringify(facts.error));
    return facts.value;
  };
  /** The output check with a Facebook destination (720p: at most 4000 kbps video, 128 kbps audio). */
  const outputCheck = (output: OutputFacts, destination: Destination = FACEBOOK): AutoCheckResult => {
    const session = {
      programType: 'storytime' as const,
      presetId: null,
      destinationId: destination.id,
      record: false,
      rehearsal: false,
      ticks: {},
    };
    const status = evaluateChecklist(defaultTemplates.storytime, session, {
      obs: controller.state,
      destination,
      output,
      readError: null,
    });
    return status.auto.find((a) => a.id === 'outputWithinLimits')!;
  };

  beforeAll(async () => {
    obs = await startObs();
    configDir = join(obs.home, '.config', 'obs-studio');
    const profiles = join(configDir, 'basic', 'profiles');
    const before = new Set(readdirSync(profiles));
    await withRawObs(obs.address, obs.password, async (raw) => {
      // OBS switches to a profile it creates; OBS 31+ does so after answering, so wait for it:
      // else the parameters below land in the old profile and SetCurrentProfile fails (600).
      await raw.call('CreateProfile', { profileName: PROFILE });
      await waitFor(async () => (await raw.call('GetProfileList')).currentProfileName === PROFILE, {
        message: 'profile created',
      });
      await raw.call('SetProfileParameter', {
        parameterCategory: 'Output',
        parameterName: 'Mode',
        parameterValue: 'Advanced',
      });
      // The stream takes audio track 2, whose bitrate is within Facebook's 128 kbps; track 1's is not.
      // "Enforce streaming service encoder settings" off: the file's keyframe interval is what streams.
      for (const [parameterName, parameterValue] of [
        ['TrackIndex', '2'],
        ['Track1Bitrate', '320'],
        ['Track2Bitrate', '128'],
        ['ApplyServiceSettings', 'false'],
      ] as const) {
        await raw.call('SetProfileParameter', { parameterCategory: 'AdvOut', parameterName, parameterValue });
      }
      // Loading the profile again puts OBS itself in Advanced mode.
      await raw.call('SetCurrentProfile', { profileName: 'Untitled' });
      await raw.call('SetCurrentProfile', { profileName: PROFILE });
      await waitFor(async () => (await raw.call('GetProfileList')).currentProfileName === PROFILE, {
        message: 'profile loaded again',
      });
    });
    const created = readdirSync(profiles).filter((d) => !before.has(d));
    expect(created).toHaveLength(1);
    expect(created[0]).not.toBe(PROFILE);
    profileDir = join(profiles, created[0]!);
    controller = new ObsController();
    controller.connect(obs.address, obs.password);
    await waitFor(() => controller.state.connection.status === 'connected', {
      timeoutMs: scaled(20_000),
      message: 'controller connected',
    });
  });

  afterAll(async () => {
    await controller?.close();
    await obs?.stop();
  });

  it('reads bitrate and keyframe interval from streamEncoder.json of the current profile, and the audio of the stream track', async () => {
    writeEncoder(JSON.stringify({ rate_control: 'CBR', bitrate: 3500, keyint_sec: 2, preset: 'veryfast' }));
    const facts = await read();
    expect(facts).toMatchObject({
      mode: 'Advanced',
      width: 1280,
      height: 720,
      videoKbps: 3500,
      keyframeSec: 2,
      audioKbps: 128,
    });
    expect(outputCheck(facts)).toMatchObject({ status: 'pass', params: { kbps: 3500 } });
  });

  it('fails a bitrate over the platform limit, with no fix-it button (Advanced mode files are not written)', async () => {
    writeEncoder(JSON.stringify({ bitrate: 9000, keyint_sec: 2 }));
    const facts = await read();
    expect(facts).toMatchObject({ videoKbps: 9000, keyframeSec: 2 });
    expect(outputCheck(facts)).toMatchObject({
      status: 'fail',
      reason: 'videoBitrateTooHigh',
      fix: null,
      params: { kbps: 9000, max: 4000 },
    });
  });

  it('fails a keyframe interval of 0 (auto), also when the file is missing (obs-x264 defaults)', async () => {
    writeEncoder(JSON.stringify({ bitrate: 3000, keyint_sec: 0 }));
    const auto = await read();
    expect(auto).toMatchObject({ videoKbps: 3000, keyframeSec: 0 });
    expect(outputCheck(auto)).toMatchObject({ status: 'fail', reason: 'keyframe', params: { seconds: 0, wanted: 2 } });

    rmSync(encoderFile());
    const defaults = await read();
    expect(defaults).toMatchObject({ videoKbps: defaultKbps(), keyframeSec: 0 });
    // YouTube: OBS 31+'s default 6000 kbps is within its limit, so the keyframe is what fails.
    const youtube: Destination = {
      ...FACEBOOK,
      id: 'yt',
      platform: 'youtube',
      server: 'rtmps://a.rtmps.youtube.com:443/live2',
    };
    expect(outputCheck(defaults, youtube)).toMatchObject({ status: 'fail', reason: 'keyframe' });
  });

  it("passes an auto keyframe interval when OBS enforces the service's settings (a keyframe every 2 s), but not for a custom server", async () => {
    writeEncoder(JSON.stringify({ bitrate: 3000, keyint_sec: 0 }));
    await withRawObs(obs.address, obs.password, (raw) =>
      raw.call('SetProfileParameter', {
        parameterCategory: 'AdvOut',
        parameterName: 'ApplyServiceSettings',
        parameterValue: 'true',
      }),
    );
    try {
      const facts = await read();
      expect(facts).toMatchObject({ keyframeSec: 0, serviceSettingsApplied: true });
      expect(outputCheck(facts)).toMatchObject({ status: 'pass' });
      const custom = evaluateChecklist(
        defaultTemplates.storytime,
        { programType: 'storytime', presetId: null, destinationId: 'c', record: false, rehearsal: false, ticks: {} },
        {
          obs: controller.state,
          destination: { ...FACEBOOK, id: 'c', platform: 'custom', server: 'rtmp://127.0.0.1/live' },
          output: facts,
          readError: null,
        },
      ).auto.find((a) => a.id === 'outputWithinLimits');
      expect(custom).toMatchObject({ status: 'unknown', reason: 'keyframeAuto' });
    } finally {
      await withRawObs(obs.address, obs.password, (raw) =>
        raw.call('SetProfileParameter', {
          parameterCategory: 'AdvOut',
          parameterName: 'ApplyServiceSettings',
          parameterValue: 'false',
        }),
      );
    }
  });

  it('says "check in OBS" when the file cannot be read or parsed, and warns without its contents', async () => {
    warnings.length = 0;
    for (const write of [() => writeEncoder('{"bitrate": 9000, "keyint_sec": "zwei'), () => mkdirSync(encoderFile())]) {
      rmSync(encoderFile(), { recursive: true, force: true });
      write();
      const facts = await read();
      expect(facts).toMatchObject({ mode: 'Advanced', videoKbps: null, keyframeSec: null, audioKbps: 128 });
      expect(outputCheck(facts)).toMatchObject({ status: 'unknown', reason: 'advancedMode' });
    }
    expect(warnings).toEqual([
      expect.stringContaining('"problem":"invalid"'),
      expect.stringContaining('"problem":"unreadable"'),
    ]);
    expect(warnings.join('\n')).not.toMatch(/zwei|9000|streamEncoder|obs-studio/);
  });

  it('reads no file when OBS is on another computer', async () => {
    writeEncoder(JSON.stringify({ bitrate: 3500, keyint_sec: 2 }));
    // The same OBS answers the requests; only the address the app was given says "remote".
    const facts = await read('ws://192.0.2.10:4455');
    expect(facts).toMatchObject({ mode: 'Advanced', videoKbps: null, keyframeSec: null, audioKbps: 128 });
    expect(outputCheck(facts)).toMatchObject({ status: 'unknown', reason: 'advancedMode' });
  });

  it('shows in the checklist of the app, which never writes the file', async () => {
    const core: AppCore = createAppCore({
      settings: new MemoryDocumentStore(),
      secrets: new MemorySecretStore(),
      version: 'test',
      goLive: { checklistRefreshMs: 500 },
      obsConfigDir: configDir,
    });
    let status: ChecklistStatus | null = null;
    core.subscribe((name, payload) => {
      if (name === 'checklist.changed') status = payload as ChecklistStatus;
    });
    const call = async <T>(name: string, params?: unknown): Promise<T> => {
      const result = (await core.handle(name, params)) as Result<T>;
      if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    };
    const output = () => status?.auto.find((a) => a.id === 'outputWithinLimits');
    try {
      core.start();
      const text = JSON.stringify({ bitrate: 9000, keyint_sec: 2 });
      writeEncoder(text);
      await call('settings.saveConnection', { address: obs.address, password: { action: 'set', value: obs.password } });
      const fb = await call<Destination>('destinations.save', {
        name: 'Facebook',
        platform: 'facebook',
        server: FACEBOOK.server,
        key: { kind: 'set', value: 'FB-1234' },
      });
      await call('checklist.updateSession', { destinationId: fb.id });
      await waitFor(() => output()?.reason === 'videoBitrateTooHigh', {
        timeoutMs: scaled(20_000),
        message: 'bitrate from streamEncoder.json',
      });
      expect(output()).toMatchObject({ status: 'fail', fix: null, params: { kbps: 9000, max: 4000 } });
      expect(await core.handle('checklist.fix', { checkId: 'outputWithinLimits' })).toMatchObject({
        ok: false,
        error: { code: 'CHECKLIST_NO_FIX' },
      });

      writeEncoder(JSON.stringify({ bitrate: 4000, keyint_sec: 2 }));
      await waitFor(() => output()?.status === 'pass', { message: 'the corrected file read on the next refresh' });
      expect(readFileSync(encoderFile(), 'utf8')).toBe(JSON.stringify({ bitrate: 4000, keyint_sec: 2 }));
    } finally {
      await core.stop();
    }
  });
  it('assumes for a missing streamEncoder.json what this OBS really streams with (its obs-x264 defaults)', async () => {
    rmSync(encoderFile(), { force: true });
    const facts = await read();
    expect(facts).toMatchObject({
      mode: 'Advanced',
      videoKbps: defaultKbps(),
      keyframeSec: 0,
      serviceSettingsApplied: false,
    });
    const ingest = await startRtmpIngest();
    try {
      const logged = await withRawObs(obs.address, obs.password, async (raw) => {
        await raw.call('SetStreamServiceSettings', {
          streamServiceType: 'rtmp_custom',
          streamServiceSettings: { server: ingest.server, key: 'adv' },
        });
        const before = x264Settings(obs.home).length;
        await raw.call('StartStream');
        try {
          // Stopped only once it is up: a stop while OBS still connects may be ignored.
          await waitFor(() => ingest.bytesIn('adv'), { timeoutMs: scaled(20_000), message: 'bytes at nginx' });
          return await waitFor(
            () =>
              x264Settings(obs.home)
                .slice(before)
                .find((e) => e.name.startsWith('adv')) ?? null,
            { message: "the stream encoder's settings in OBS's log" },
          );
        } finally {
          await raw.call('StopStream').catch(() => undefined);
          await waitFor(async () => !(await raw.call('GetStreamStatus')).outputActive, {
            timeoutMs: scaled(20_000),
            message: 'stream stopped',
          });
        }
      });
      expect(logged.bitrate).toBe(facts.videoKbps);
      // keyint_sec 0 is "auto": x264's own 250 frames, not a keyframe every 2 s.
      expect(logged.keyint).toBe(250);
    } finally {
      await ingest.stop();
    }
  });
});

/** The x264 encoders' settings as OBS logs them when an output starts, oldest first. */
function x264Settings(home: string): Array<{ name: string; bitrate: number; keyint: number }> {
  const dir = join(home, '.config', 'obs-studio', 'logs');
  const text = readdirSync(dir)
    .sort()
    .map((file) => readFileSync(join(dir, file), 'utf8'))
    .join('\n');
  return [
    ...text.matchAll(/\[x264 encoder: '([^']+)'\] settings:[\s\S]*?bitrate:\s+(\d+)[\s\S]*?keyint:\s+(\d+)/g),
  ].map((m) => ({
    name: m[1]!,
    bitrate: Number(m[2]),
    keyint: Number(m[3]),
  }));
}
