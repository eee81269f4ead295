import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { maxVideoKbps, obsStreamService, platforms } from '../../../src/shared/destinations/platforms';
import { obsCommand, obsUnderTest, startObs, withRawObs, type RunningObs } from '../../support/obs-studio';

/**
 * Facebook and YouTube destinations go to OBS through OBS's own service entries
 * (obsStreamService), because only then does OBS apply the platform's recommended settings,
 * above all a keyframe every 2 s. This checks, on the OBS under test, that its service list
 * (rtmp-services/services.json, as shipped with that OBS) has those entries with our servers
 * and that keyframe interval, and limits that match ours; and that OBS takes the entries as the
 * app sends them. (That OBS then really encodes a keyframe every 2 s is seen in its log by
 * golive.obs.test.ts, streaming to YouTube's entry.)
 */
const ServicesSchema = z.object({
  services: z.array(
    z.object({
      name: z.string(),
      servers: z.array(z.object({ url: z.string() })),
      recommended: z
        .object({
          keyint: z.number().optional(),
          'max audio bitrate': z.number().optional(),
          'bitrate matrix': z
            .array(z.object({ res: z.string(), fps: z.number(), 'max bitrate': z.number() }))
            .optional(),
        })
        .optional(),
    }),
  ),
});

/** The file system root of the OBS under test: / for the machine's, the Debian root for the chroot wrappers. */
function obsRoot(): string {
  if (obsUnderTest() === 'system') return '/';
  const chroot = /\bchroot\s+"([^"]+)"/.exec(readFileSync(obsCommand(), 'utf8'));
  if (!chroot) throw new Error(`no chroot root in ${obsCommand()}`);
  return chroot[1]!;
}

describe("OBS's own service entries for Facebook and YouTube", () => {
  let obs: RunningObs;
  let lists: Array<{ file: string; services: z.infer<typeof ServicesSchema>['services'] }>;

  beforeAll(async () => {
    obs = await startObs();
    // The list shipped with this OBS, and the copy OBS keeps (and updates from the internet) in
    // its settings folder: it loads the newer of the two, so both must hold what the app needs.
    const files = [
      join(obsRoot(), 'usr', 'share', 'obs', 'obs-plugins', 'rtmp-services', 'services.json'),
      join(obs.home, '.config', 'obs-studio', 'plugin_config', 'rtmp-services', 'services.json'),
    ].filter((file) => existsSync(file));
    expect(files.length).toBeGreaterThan(0);
    lists = files.map((file) => ({
      file,
      services: ServicesSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).services,
    }));
  });

  afterAll(async () => {
    await obs?.stop();
  });

  for (const platform of ['facebook', 'youtube'] as const) {
    it(`lists ${platform}'s entry with our servers and a keyframe every ${platforms[platform].keyframeSec} s`, () => {
      const info = platforms[platform];
      for (const { file, services } of lists) {
        const entry = services.find((s) => s.name === info.obsService);
        expect(entry, `"${info.obsService}" in ${file}`).toBeDefined();
        const urls = entry!.servers.map((s) => s.url);
        expect(urls).toContain(info.server);
        if (info.backupServer) expect(urls).toContain(info.backupServer);
        expect(entry!.recommended?.keyint).toBe(info.keyframeSec);
        expect(entry!.recommended?.['max audio bitrate']).toBe(info.maxAudioKbps);
      }
    });
  }

  it("has Facebook's bitrate limits where the checklist has them", () => {
    for (const { services } of lists) {
      const matrix =
        services.find((s) => s.name === platforms.facebook.obsService)?.recommended?.['bitrate matrix'] ?? [];
      expect(matrix.length).toBeGreaterThan(0);
      for (const row of matrix.filter((r) => r.fps === 30)) {
        const height = Number(row.res.split('x')[1]);
        expect(maxVideoKbps('facebook', height, 30), row.res).toBe(row['max bitrate']);
      }
      expect(maxVideoKbps('facebook', 1080, 60)).toBe(
        matrix.find((r) => r.res === '1920x1080' && r.fps === 60)?.['max bitrate'],
      );
    }
  });

  it('takes the entries as go-live sends them', async () => {
    for (const platform of ['facebook', 'youtube'] as const) {
      const service = obsStreamService({ platform, server: platforms[platform].server });
      expect(service).toEqual({ streamServiceType: 'rtmp_common', service: platforms[platform].obsService });
      const settings = await withRawObs(obs.address, obs.password, async (raw) => {
        await raw.call('SetStreamServiceSettings', {
          streamServiceType: 'rtmp_common',
          streamServiceSettings: {
            service: platforms[platform].obsService,
            server: platforms[platform].server,
            key: 'test-key',
          },
        });
        return raw.call('GetStreamServiceSettings');
      });
      expect(settings).toMatchObject({
        streamServiceType: 'rtmp_common',
        streamServiceSettings: { service: platforms[platform].obsService, server: platforms[platform].server },
      });
    }
  });
});
