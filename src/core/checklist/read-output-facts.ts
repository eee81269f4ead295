import type { OutputFacts } from '../../shared/checklist/obs-output-facts';
import type { Result } from '../../shared/result';
import { ok } from '../../shared/result';
import type { ObsController } from '../obs/obs-controller';
import { isLocalObsAddress, type ObsProfileFiles, type StreamEncoderFile } from './read-obs-profile-files';
import { readRecordFolder } from './read-record-folder';

export type FactsObs = Pick<ObsController, 'call'>;

export interface OutputFactsOptions {
  /** The address OBS was reached at: OBS's own files are read only when that is this computer. */
  address?: string;
  /** Reads OBS's profile files (Advanced mode's stream encoder); absent: never read. */
  profileFiles?: Pick<ObsProfileFiles, 'advancedStreamEncoder'> | null;
}

/**
 * Simple mode has no keyframe setting: SimpleOutput::Update sets no keyint_sec, so x264 uses
 * its own 250 frames ("auto", OBS 29 logs "keyint: 250") unless the stream goes through a
 * listed service, whose recommended 2 s OBS then applies (see serviceSettingsApplied).
 */
const SIMPLE_MODE_KEYFRAME_SEC = 0;

/** bitrate null: this OBS's version, and so its default, is not known. */
type EncoderDefaults = { bitrate: number | null; keyint_sec: number; rate_control: string };

/**
 * What an encoder does with a setting missing from streamEncoder.json (OBS saves only what
 * differs from the defaults; OBS 32 writes no file at all for a new profile). Only encoders
 * whose defaults are known: obs-x264's (obs_x264_defaults). keyint_sec 0 is "auto": obs-x264
 * then leaves x264's own default of 250 frames (over 8 s at 30 fps; the log says "keyint: 250"
 * on OBS 29, 30 and 32), so it is not 2 s. The bitrate went from 2500 to 6000 in OBS 31
 * (obs-studio#9442): seen in the logs of OBS 30.2 (2500) and 32.2 (6000).
 */
function encoderDefaults(encoder: string | null, obsMajor: number | null): EncoderDefaults | undefined {
  if (encoder !== 'obs_x264') return undefined;
  return { bitrate: obsMajor === null ? null : obsMajor >= 31 ? 6000 : 2500, keyint_sec: 0, rate_control: 'CBR' };
}

/** Rate controls that aim at a quality, not a bitrate: the bitrate setting says nothing then. */
const QUALITY_RATE_CONTROLS = new Set(['CRF', 'CQP', 'ICQ', 'LA_ICQ', 'LOSSLESS']);

const toNumber = (value: string | null | undefined): number | null => {
  if (value === null || value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

/** The Advanced mode's stream encoder as the checklist sees it; null: cannot tell. */
export function streamEncoderFacts(
  encoder: string | null,
  settings: StreamEncoderFile,
  obsMajor: number | null,
): Pick<OutputFacts, 'videoKbps' | 'keyframeSec'> {
  const defaults = encoderDefaults(encoder, obsMajor);
  const rateControl = (settings.rate_control ?? defaults?.rate_control ?? '').toUpperCase();
  const bitrate = settings.bitrate ?? defaults?.bitrate ?? null;
  const videoKbps = QUALITY_RATE_CONTROLS.has(rateControl) || bitrate === 0 ? null : bitrate;
  // x264's own options may set the interval in frames: that wins over keyint_sec.
  const keyintInOptions = encoder === 'obs_x264' && /(^|\s)keyint=/.test(settings.x264opts ?? '');
  const keyframeSec = keyintInOptions ? null : (settings.keyint_sec ?? defaults?.keyint_sec ?? null);
  return { videoKbps, keyframeSec };
}

/** OBS 29 streams audio track AdvOut/TrackIndex (1-6, default 1) in Advanced mode. */
const streamTrack = (value: string | null): number => {
  const n = toNumber(value);
  return n !== null && Number.isInteger(n) && n >= 1 && n <= 6 ? n : 1;
};

/**
 * Reads the output settings the checklist compares with the destination's limits. Profile
 * parameters are what OBS 29 exposes: Output/Mode, and in Simple mode SimpleOutput/VBitrate
 * and ABitrate; in Advanced mode the stream's audio track bitrate (AdvOut/TrackIndex,
 * AdvOut/Track<N>Bitrate). Advanced mode keeps the stream encoder's settings in
 * streamEncoder.json, which obs-websocket 5.1 cannot read: when OBS runs on this computer
 * they are read from OBS's profile folder, else (or when the file cannot be read) they stay
 * null ("check in OBS").
 */
export async function readOutputFacts(obs: FactsObs, options: OutputFactsOptions = {}): Promise<Result<OutputFacts>> {
  const video = await obs.call('GetVideoSettings');
  if (!video.ok) return video;
  const param = async (parameterCategory: string, parameterName: string): Promise<string | null> => {
    const reply = await obs.call('GetProfileParameter', { parameterCategory, parameterName });
    return reply.ok ? reply.value.parameterValue : null;
  };
  const mode = (await param('Output', 'Mode')) ?? 'Simple';
  const simple = mode === 'Simple';
  let videoKbps: number | null;
  let audioKbps: number | null;
  let keyframeSec: number | null;
  let serviceSettingsApplied = true;
  if (simple) {
    videoKbps = toNumber(await param('SimpleOutput', 'VBitrate'));
    audioKbps = toNumber(await param('SimpleOutput', 'ABitrate'));
    keyframeSec = SIMPLE_MODE_KEYFRAME_SEC;
  } else {
    audioKbps = toNumber(await param('AdvOut', `Track${streamTrack(await param('AdvOut', 'TrackIndex'))}Bitrate`));
    // An ini bool; absent means OBS's default, on.
    serviceSettingsApplied = (await param('AdvOut', 'ApplyServiceSettings'))?.toLowerCase() !== 'false';
    ({ videoKbps, keyframeSec } = await readAdvancedEncoder(obs, options, () => param('AdvOut', 'Encoder')));
  }
  const stats = await obs.call('GetStats');
  const recordFolder = await readRecordFolder(obs, options.address);
  const v = video.value;
  return ok({
    width: v.outputWidth,
    height: v.outputHeight,
    fps: v.fpsDenominator > 0 ? v.fpsNumerator / v.fpsDenominator : v.fpsNumerator,
    mode,
    videoKbps,
    audioKbps,
    keyframeSec,
    serviceSettingsApplied,
    availableDiskMb: stats.ok ? stats.value.availableDiskSpace : null,
    recordFolder,
  });
}

async function readAdvancedEncoder(
  obs: FactsObs,
  options: OutputFactsOptions,
  encoderId: () => Promise<string | null>,
): Promise<Pick<OutputFacts, 'videoKbps' | 'keyframeSec'>> {
  const unknown = { videoKbps: null, keyframeSec: null };
  if (!options.profileFiles || options.address === undefined || !isLocalObsAddress(options.address)) return unknown;
  const profiles = await obs.call('GetProfileList');
  if (!profiles.ok) return unknown;
  const read = await options.profileFiles.advancedStreamEncoder(profiles.value.currentProfileName);
  if (!read.ok) return unknown;
  // Defaults differ between OBS versions: asked only when the file leaves the bitrate out.
  const version = read.settings.bitrate === undefined ? await obs.call('GetVersion') : null;
  const obsMajor = version?.ok ? Number.parseInt(version.value.obsVersion, 10) : null;
  return streamEncoderFacts(await encoderId(), read.settings, Number.isFinite(obsMajor) ? obsMajor : null);
}
