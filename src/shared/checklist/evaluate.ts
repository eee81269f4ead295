import type { ObsInput, ObsState } from '../obs-state';
import type { Destination } from '../destinations/destination-schema';
import { maxVideoKbps, obsStreamService, platforms } from '../destinations/platforms';
import type { AppError } from '../errors';
import { METER_GAP_MS, SILENCE_MS } from '../live/mic-warnings';
import {
  AutoCheckIdSchema,
  type AutoCheckId,
  type AutoCheckResult,
  type ChecklistStatus,
  type CheckStatus,
  type FixAction,
  type Session,
  type Template,
} from './checklist-schema';
import { MIN_FREE_DISK_MB, type OutputFacts } from './obs-output-facts';

/** The session's preset as the checks see it, in OBS names (from what the app recorded when applying it). */
export interface PresetFacts {
  id: string;
  name: string;
  /** Every scene of the preset; obsName null: never applied. */
  scenes: { label: string; obsName: string | null }[];
  /** OBS input names of the preset's microphones and cameras, where applied. */
  mics: string[];
  cameras: string[];
  startingScene: string | null;
  closingScene: string | null;
  /** A scene where the main mic is live: shown to test the mic. */
  micScene: string | null;
  /** Requests applying it again would send (last read of OBS); null: not read yet. */
  mutations: number | null;
}

/** What the meters said of one audio input (epoch ms). */
export interface MicSignal {
  /** Last meter reading with sound on the output side (after mute and fader). */
  heardAt: number | null;
  /** Since when readings have been coming without a gap; OBS sends none for inputs in no live scene. */
  meteredSince: number | null;
  /** The last reading of any level. */
  meteredAt: number | null;
}

export interface ChecklistFacts {
  obs: ObsState;
  /** The session's destination, or null when none is chosen (or it was deleted). */
  destination: Destination | null;
  output: OutputFacts | null;
  readError: AppError | null;
  /** null when the session has no preset; `found: false` when the chosen one was deleted. */
  preset?: (PresetFacts & { found: true }) | { found: false } | null;
  /** Per audio input name. */
  micSignal?: Readonly<Record<string, MicSignal>>;
  /** Camera input name → OBS renders a picture from it; null: not read yet. */
  cameraPicture?: Readonly<Record<string, boolean>> | null;
  now?: number;
}

/** Audio capture devices: what counts as "a mic". */
const MIC_KINDS = /(_input_capture|^alsa_input|^jack_input|^coreaudio_input|^wasapi_input)/;
/** Desktop audio is never the mic. */
const DESKTOP_AUDIO = /_output_capture$/;
const CAMERA_KINDS = /^(v4l2_input|dshow_input|av_capture_input|macos-avcapture)/;

type Verdict = Pick<AutoCheckResult, 'status' | 'reason' | 'fix'> & { params?: AutoCheckResult['params'] };

const pass = (params?: AutoCheckResult['params']): Verdict => ({ status: 'pass', reason: null, fix: null, params });
const fail = (reason: string, fix: FixAction | null = null, params?: AutoCheckResult['params']): Verdict => ({
  status: 'fail',
  reason,
  fix,
  params,
});
const unknown = (reason: string, params?: AutoCheckResult['params']): Verdict => ({
  status: 'unknown',
  reason,
  fix: null,
  params,
});
const skipped = (reason: string): Verdict => ({ status: 'skipped', reason, fix: null });

/**
 * Audio inputs that may be the mic: capture devices first; without any, every audio input
 * but desktop audio (a media source standing in for a mic, as in the tests).
 */
export function micCandidates(inputs: readonly ObsInput[]): ObsInput[] {
  const audio = inputs.filter((i) => i.muted !== null && !DESKTOP_AUDIO.test(i.kind));
  const capture = audio.filter((i) => MIC_KINDS.test(i.kind));
  return capture.length > 0 ? capture : audio;
}

const presetOf = (facts: ChecklistFacts): PresetFacts | null =>
  facts.preset && facts.preset.found ? facts.preset : null;

/** The named inputs that exist in OBS, in the preset's order (main one first). */
const inOrder = (inputs: readonly ObsInput[], names: readonly string[]): ObsInput[] =>
  names.flatMap((name) => inputs.find((i) => i.name === name) ?? []);

/** The mics the check looks at: the preset's, when it has some in OBS; else any mic-like input. */
export function micsToCheck(inputs: readonly ObsInput[], preset: Pick<PresetFacts, 'mics'> | null): ObsInput[] {
  const own = preset ? inOrder(inputs, preset.mics).filter((i) => i.muted !== null) : [];
  return own.length > 0 ? own : micCandidates(inputs);
}

/** The cameras the check looks at: the preset's, else every camera input. */
export function camerasToCheck(inputs: readonly ObsInput[], preset: Pick<PresetFacts, 'cameras'> | null): ObsInput[] {
  const own = preset ? inOrder(inputs, preset.cameras) : [];
  return own.length > 0 ? own : inputs.filter((i) => CAMERA_KINDS.test(i.kind));
}

type SignalState = 'heard' | 'listening' | 'silent' | 'notHeard';

/**
 * Sound in the last 10 s of the time OBS was metering the mic. OBS meters only inputs in a
 * live scene, and "Startar snart" has no mic: a sound check made on another scene still
 * counts after switching back, while a mic never heard must be tested first.
 */
export function micSignalState(signal: MicSignal | undefined, now: number): SignalState {
  if (!signal || signal.meteredAt === null) return 'notHeard';
  const metering = now - signal.meteredAt <= METER_GAP_MS;
  const until = metering ? now : signal.meteredAt;
  if (signal.heardAt !== null && until - signal.heardAt <= SILENCE_MS) return 'heard';
  if (!metering) return 'notHeard';
  return signal.meteredSince !== null && now - signal.meteredSince < SILENCE_MS ? 'listening' : 'silent';
}

function checkMic(facts: ChecklistFacts): Verdict {
  const preset = presetOf(facts);
  const mics = micsToCheck(facts.obs.inputs, preset);
  if (mics.length === 0) return fail('noMic');
  const live = mics.filter((m) => m.muted === false);
  if (live.length === 0) return fail('muted', 'unmuteMic', { input: mics[0]!.name });
  const now = facts.now ?? Date.now();
  const states = live.map((m) => ({ input: m.name, state: micSignalState(facts.micSignal?.[m.name], now) }));
  const pick = (state: SignalState) => states.find((s) => s.state === state);
  const heard = pick('heard');
  if (heard) return pass({ input: heard.input });
  // Not heard yet blocks like silence: going live must wait for the sound check, not race it.
  const listening = pick('listening');
  if (listening) return fail('listening', null, { input: listening.input });
  const silent = pick('silent');
  if (silent) return fail('silent', null, { input: silent.input });
  const testable = preset?.micScene && !facts.obs.stream.active ? 'testMic' : null;
  return fail('notHeard', testable, { input: live[0]!.name, ...(preset?.micScene ? { scene: preset.micScene } : {}) });
}

function checkCamera(facts: ChecklistFacts): Verdict {
  const cameras = camerasToCheck(facts.obs.inputs, presetOf(facts));
  if (cameras.length === 0) return fail('noCamera');
  const picture = facts.cameraPicture;
  if (!picture) return unknown('notRead', { input: cameras[0]!.name });
  const working = cameras.find((c) => picture[c.name] === true);
  return working ? pass({ input: working.name }) : fail('noPicture', null, { input: cameras[0]!.name });
}

function checkPresetScenes(session: Session, facts: ChecklistFacts): Verdict {
  if (session.presetId === null || !facts.preset) return skipped('noPreset');
  if (!facts.preset.found) return fail('presetGone');
  const preset = facts.preset;
  const inObs = new Set(facts.obs.scenes.map((s) => s.name));
  const missing = preset.scenes.filter((s) => s.obsName === null || !inObs.has(s.obsName));
  if (missing.length > 0)
    return fail('missing', 'applyPreset', { name: preset.name, count: missing.length, scene: missing[0]!.label });
  if (preset.mutations === null) return unknown('notRead', { name: preset.name });
  if (preset.mutations > 0) return fail('differs', 'applyPreset', { name: preset.name, count: preset.mutations });
  return pass({ name: preset.name });
}

/** The starting and closing scenes in OBS names: the preset's when it names them, else the template's. */
export function sceneRoles(
  template: Template,
  facts: Pick<ChecklistFacts, 'preset'>,
): { startingScene: string | null; closingScene: string | null } {
  const preset = facts.preset && facts.preset.found ? facts.preset : null;
  return {
    startingScene: preset?.startingScene ?? template.startingScene,
    closingScene: preset?.closingScene ?? template.closingScene,
  };
}

function checkOutput(destination: Destination | null, output: OutputFacts | null): Verdict {
  if (!destination) return skipped('noDestination');
  if (!output) return unknown('notRead');
  const platform = destination.platform;
  const info = platforms[platform];
  const params = { width: output.width, height: output.height, fps: Math.round(output.fps) };
  if (info.maxHeight !== null && output.height > info.maxHeight)
    return fail('resolutionTooHigh', 'applyPlatformResolution', { ...params, max: info.maxHeight });
  const maxVideo = maxVideoKbps(platform, output.height, output.fps);
  if (maxVideo !== null && output.videoKbps !== null && output.videoKbps > maxVideo) {
    return fail('videoBitrateTooHigh', output.mode === 'Simple' ? 'applyPlatformBitrate' : null, {
      ...params,
      kbps: output.videoKbps,
      max: maxVideo,
    });
  }
  if (info.maxAudioKbps !== null && output.audioKbps !== null && output.audioKbps > info.maxAudioKbps) {
    return fail('audioBitrateTooHigh', output.mode === 'Simple' ? 'applyPlatformBitrate' : null, {
      kbps: output.audioKbps,
      max: info.maxAudioKbps,
    });
  }
  // Through OBS's own service entry, OBS sets the platform's keyframe interval itself.
  const viaService = obsStreamService(destination).streamServiceType === 'rtmp_common' && output.serviceSettingsApplied;
  const keyframeSec = viaService ? info.keyframeSec : output.keyframeSec;
  if (keyframeSec === 0 && platform === 'custom')
    return unknown('keyframeAuto', { ...params, wanted: info.keyframeSec });
  if (keyframeSec !== null && keyframeSec !== info.keyframeSec) {
    return fail('keyframe', null, { seconds: keyframeSec, wanted: info.keyframeSec });
  }
  if (output.videoKbps === null || keyframeSec === null) return unknown('advancedMode', params);
  return pass({ ...params, kbps: output.videoKbps });
}

function evaluateCheck(id: AutoCheckId, template: Template, session: Session, facts: ChecklistFacts): Verdict {
  const { obs } = facts;
  const connected = obs.connection.status === 'connected';
  if (id === 'obsConnected') return connected ? pass() : fail('notConnected', 'reconnectObs');
  if (id === 'destinationReady') {
    if (session.destinationId === null) return session.rehearsal ? skipped('recordOnly') : fail('noDestination');
    if (!facts.destination) return fail('noDestination');
    return facts.destination.hasKey
      ? pass({ name: facts.destination.name })
      : fail('noKey', null, { name: facts.destination.name });
  }
  if (id === 'recordingPlanned') {
    if (!template.record) return skipped('notAsked');
    return session.record || obs.record.active ? pass() : fail('off', 'enableRecording');
  }
  // Everything below is read from OBS.
  if (!connected) return unknown('notConnected');
  switch (id) {
    case 'presetScenes':
      return checkPresetScenes(session, facts);
    case 'startingSceneLive': {
      const scene = sceneRoles(template, facts).startingScene;
      if (scene === null) return skipped('noSceneSet');
      if (!obs.scenes.some((s) => s.name === scene)) return fail('sceneMissing', null, { scene });
      return obs.programScene === scene ? pass({ scene }) : fail('otherSceneLive', 'switchToStartingScene', { scene });
    }
    case 'micReady':
      return checkMic(facts);
    case 'cameraActive':
      return checkCamera(facts);
    case 'outputWithinLimits':
      return checkOutput(facts.destination, facts.output);
    case 'diskSpace': {
      if (!session.record && !template.record) return skipped('notRecording');
      // A missing folder first: OBS then reports 0 MB free, which is not the problem to fix.
      const folder = facts.output?.recordFolder ?? null;
      if (folder !== null && folder.status !== 'ok')
        return fail(folder.status === 'missing' ? 'folderMissing' : 'folderNotWritable', null, { folder: folder.path });
      const free = facts.output?.availableDiskMb ?? null;
      if (free === null) return unknown('notRead');
      const gb = Math.floor(free / 1024);
      return free >= MIN_FREE_DISK_MB ? pass({ gb }) : fail('low', null, { gb, minGb: MIN_FREE_DISK_MB / 1024 });
    }
    case 'notAlreadyStreaming':
      return obs.stream.active || obs.stream.state !== 'offline' ? fail('streaming') : pass();
    default:
      return unknown('notRead');
  }
}

/**
 * Every item of the template against the session and OBS's state. Required items block Go
 * Live when they fail (automatic) or are not ticked (manual); "unknown" does not block: it
 * is shown as something to check by hand, since OBS cannot tell.
 */
export function evaluateChecklist(template: Template, session: Session, facts: ChecklistFacts): ChecklistStatus {
  const auto: AutoCheckResult[] = AutoCheckIdSchema.options.map((id) => {
    const verdict = evaluateCheck(id, template, session, facts);
    return {
      id,
      status: verdict.status,
      required: template.requiredChecks.includes(id),
      reason: verdict.reason,
      params: verdict.params ?? {},
      fix: verdict.fix,
    };
  });
  const manual = template.manualItems.map((m) => ({
    ...m,
    done: session.ticks[m.id]?.done ?? false,
    note: session.ticks[m.id]?.note ?? '',
  }));
  const blocking = [
    ...auto.filter((a) => a.required && a.status === 'fail').map((a) => a.id),
    ...manual.filter((m) => m.required && !m.done).map((m) => m.id),
  ];
  const preset = presetOf(facts);
  return {
    session,
    template,
    auto,
    manual,
    ready: blocking.length === 0,
    blocking,
    readError: facts.readError,
    preset: preset ? { id: preset.id, name: preset.name } : null,
    ...sceneRoles(template, facts),
  };
}

export const isBlocking = (status: CheckStatus, required: boolean): boolean => required && status === 'fail';
