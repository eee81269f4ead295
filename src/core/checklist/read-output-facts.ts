import type { OutputFacts } from '../../shared/checklist/obs-output-facts';
import type { Result } from '../../shared/result';
import { ok } from '../../shared/result';
import type { ObsController } from '../obs/obs-controller';

export type FactsObs = Pick<ObsController, 'call'>;

/** OBS's simple output mode encodes with a fixed 2 s keyframe interval (SimpleOutput in OBS's UI code). */
const SIMPLE_MODE_KEYFRAME_SEC = 2;

const toNumber = (value: string | null | undefined): number | null => {
  if (value === null || value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

/**
 * Reads the output settings the checklist compares with the destination's limits. Profile
 * parameters are what OBS 29 exposes: Output/Mode, and in Simple mode SimpleOutput/VBitrate
 * and ABitrate. Advanced mode keeps the stream encoder's settings in streamEncoder.json,
 * which obs-websocket 5.1 cannot read: those stay null ("check in OBS").
 */
export async function readOutputFacts(obs: FactsObs): Promise<Result<OutputFacts>> {
  const video = await obs.call('GetVideoSettings');
  if (!video.ok) return video;
  const param = async (parameterCategory: string, parameterName: string): Promise<string | null> => {
    const reply = await obs.call('GetProfileParameter', { parameterCategory, parameterName });
    return reply.ok ? reply.value.parameterValue : null;
  };
  const mode = (await param('Output', 'Mode')) ?? 'Simple';
  const simple = mode === 'Simple';
  const videoKbps = simple ? toNumber(await param('SimpleOutput', 'VBitrate')) : null;
  const audioKbps = simple ? toNumber(await param('SimpleOutput', 'ABitrate')) : null;
  const stats = await obs.call('GetStats');
  const v = video.value;
  return ok({
    width: v.outputWidth,
    height: v.outputHeight,
    fps: v.fpsDenominator > 0 ? v.fpsNumerator / v.fpsDenominator : v.fpsNumerator,
    mode,
    videoKbps,
    audioKbps,
    keyframeSec: simple ? SIMPLE_MODE_KEYFRAME_SEC : null,
    availableDiskMb: stats.ok ? stats.value.availableDiskSpace : null,
  });
}
