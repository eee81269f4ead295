import type { ObsInput, ObsState } from '../obs-state';
import type { Destination } from '../destinations/destination-schema';
import { maxVideoKbps, platforms } from '../destinations/platforms';
import type { AppError } from '../errors';
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

export interface ChecklistFacts {
  obs: ObsState;
  /** The session's destination, or null when none is chosen (or it was deleted). */
  destination: Destination | null;
  output: OutputFacts | null;
  readError: AppError | null;
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
const unknown = (reason: string, params?: AutoCheckResult['params']): Verdict => ({ status: 'unknown', reason, fix: null, params });
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

function checkOutput(destination: Destination | null, output: OutputFacts | null): Verdict {
  if (!destination) return skipped('noDestination');
  if (!output) return unknown('notRead');
  const platform = destination.platform;
  const info = platforms[platform];
  const params = { width: output.width, height: output.height, fps: Math.round(output.fps) };
  if (info.maxHeight !== null && output.height > info.maxHeight) return fail('resolutionTooHigh', null, { ...params, max: info.maxHeight });
  const maxVideo = maxVideoKbps(platform, output.height, output.fps);
  if (maxVideo !== null && output.videoKbps !== null && output.videoKbps > maxVideo) {
    return fail('videoBitrateTooHigh', output.mode === 'Simple' ? 'applyPlatformBitrate' : null, { ...params, kbps: output.videoKbps, max: maxVideo });
  }
  if (info.maxAudioKbps !== null && output.audioKbps !== null && output.audioKbps > info.maxAudioKbps) {
    return fail('audioBitrateTooHigh', output.mode === 'Simple' ? 'applyPlatformBitrate' : null, { kbps: output.audioKbps, max: info.maxAudioKbps });
  }
  if (output.keyframeSec !== null && output.keyframeSec !== info.keyframeSec) {
    return fail('keyframe', null, { seconds: output.keyframeSec, wanted: info.keyframeSec });
  }
  if (output.videoKbps === null || output.keyframeSec === null) return unknown('advancedMode', params);
  return pass({ ...params, kbps: output.videoKbps });
}

function evaluateCheck(id: AutoCheckId, template: Template, session: Session, facts: ChecklistFacts): Verdict {
  const { obs } = facts;
  const connected = obs.connection.status === 'connected';
  if (id === 'obsConnected') return connected ? pass() : fail('notConnected', 'reconnectObs');
  if (id === 'destinationReady') {
    if (session.destinationId === null) return session.rehearsal ? skipped('recordOnly') : fail('noDestination');
    if (!facts.destination) return fail('noDestination');
    return facts.destination.hasKey ? pass({ name: facts.destination.name }) : fail('noKey', null, { name: facts.destination.name });
  }
  if (id === 'recordingPlanned') {
    if (!template.record) return skipped('notAsked');
    return session.record || obs.record.active ? pass() : fail('off', 'enableRecording');
  }
  // Everything below is read from OBS.
  if (!connected) return unknown('notConnected');
  switch (id) {
    case 'startingSceneLive': {
      const scene = template.startingScene;
      if (scene === null) return skipped('noSceneSet');
      if (!obs.scenes.some((s) => s.name === scene)) return fail('sceneMissing', null, { scene });
      return obs.programScene === scene ? pass({ scene }) : fail('otherSceneLive', 'switchToStartingScene', { scene });
    }
    case 'micReady': {
      const mics = micCandidates(obs.inputs);
      if (mics.length === 0) return fail('noMic');
      const live = mics.find((m) => m.muted === false);
      if (live) return pass({ input: live.name });
      return fail('muted', 'unmuteMic', { input: mics[0]!.name });
    }
    case 'cameraPresent':
      return obs.inputs.some((i) => CAMERA_KINDS.test(i.kind)) ? pass() : fail('noCamera');
    case 'outputWithinLimits':
      return checkOutput(facts.destination, facts.output);
    case 'diskSpace': {
      if (!session.record && !template.record) return skipped('notRecording');
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
  return { session, template, auto, manual, ready: blocking.length === 0, blocking, readError: facts.readError };
}

export const isBlocking = (status: CheckStatus, required: boolean): boolean => required && status === 'fail';
