import type { OutputFacts } from '../../shared/checklist/obs-output-facts';
import type { Destination } from '../../shared/destinations/destination-schema';
import { maxVideoKbps, platforms } from '../../shared/destinations/platforms';
import { appError } from '../../shared/errors';
import { fail, ok, type Result } from '../../shared/result';
import type { ObsController } from '../obs/obs-controller';

type FixObs = Pick<ObsController, 'call'>;

/**
 * The fix-its that change OBS's output settings to fit the destination's platform. Only what
 * obs-websocket can set: in Advanced mode the stream encoder lives in a file OBS owns.
 */

/** Simple output mode: video and audio bitrate down to the platform's limits. */
export async function applyPlatformBitrate(
  obs: FixObs,
  destination: Destination | null,
  facts: OutputFacts | null,
): Promise<Result<null>> {
  if (!destination || !facts || facts.mode !== 'Simple') return fail(appError('CHECKLIST_NO_FIX'));
  const maxVideo = maxVideoKbps(destination.platform, facts.height, facts.fps);
  const maxAudio = platforms[destination.platform].maxAudioKbps;
  const set = (parameterName: string, value: number) =>
    obs.call('SetProfileParameter', {
      parameterCategory: 'SimpleOutput',
      parameterName,
      parameterValue: String(value),
    });
  if (maxVideo !== null && facts.videoKbps !== null && facts.videoKbps > maxVideo) {
    const reply = await set('VBitrate', maxVideo);
    if (!reply.ok) return fail(reply.error);
  }
  if (maxAudio !== null && facts.audioKbps !== null && facts.audioKbps > maxAudio) {
    const reply = await set('ABitrate', maxAudio);
    if (!reply.ok) return fail(reply.error);
  }
  return ok(null);
}

/**
 * The output (scaled) resolution down to the platform's tallest picture, same aspect; the
 * canvas stays as it is. OBS refuses while an output runs, which is before going live here.
 */
export async function applyPlatformResolution(
  obs: FixObs,
  destination: Destination | null,
  facts: OutputFacts | null,
): Promise<Result<null>> {
  const maxHeight = destination ? platforms[destination.platform].maxHeight : null;
  if (!facts || maxHeight === null || facts.height <= maxHeight) return fail(appError('CHECKLIST_NO_FIX'));
  // Even numbers: encoders want them.
  const outputWidth = Math.round((facts.width * maxHeight) / facts.height / 2) * 2;
  const reply = await obs.call('SetVideoSettings', { outputWidth, outputHeight: maxHeight });
  return reply.ok ? ok(null) : fail(reply.error);
}
