import type { MeterReading } from './live-state';

/**
 * Microphone warnings, pure: the renderer feeds meter readings into `trackActivity` and asks
 * `micWarnings` what to say. obs-websocket 5.1 keeps reporting levels for a muted input, and
 * the third value per channel (input peak) is taken before mute, so talking into a muted mic
 * shows up in it. OBS reports no levels at all for an input in no live scene: a mic is only
 * judged silent while it is being metered.
 */

/** About -40 dBFS: someone speaking, not room hiss. */
export const SPEECH_LEVEL = 0.01;
/** About -60 dBFS: any sound at all. */
export const SOUND_LEVEL = 0.001;
/** About -0.1 dBFS. */
export const CLIP_LEVEL = 0.989;
export const SILENCE_MS = 10_000;
/** How long a talk/clip moment keeps its warning up, so it can be read. */
export const HOLD_MS = 2_000;
/** OBS meters ~20 times a second: a longer gap means it stopped (the input left the live scene). */
export const METER_GAP_MS = 1_500;

export interface MicActivity {
  /** Epoch ms when sound last went out (the peak after mute and fader). */
  lastSoundAt: number | null;
  /** Someone speaking into it, muted or not (input peak, before mute). */
  lastSpeechAt: number | null;
  lastClipAt: number | null;
  /** Start of the current unbroken run of readings: silence counts from here at the earliest. */
  watchedSince: number;
  lastMeteredAt: number;
}

export type ActivityMap = Readonly<Record<string, MicActivity>>;

export function trackActivity(previous: ActivityMap, readings: readonly MeterReading[], now: number): ActivityMap {
  const next: Record<string, MicActivity> = { ...previous };
  for (const r of readings) {
    const old = previous[r.inputName];
    const unbroken = old !== undefined && now - old.lastMeteredAt <= METER_GAP_MS;
    next[r.inputName] = {
      watchedSince: unbroken ? old.watchedSince : now,
      lastMeteredAt: now,
      // A fader pulled down sends nothing out: that is silence too.
      lastSoundAt: r.peak >= SOUND_LEVEL ? now : (old?.lastSoundAt ?? null),
      lastSpeechAt: r.inputPeak >= SPEECH_LEVEL ? now : (old?.lastSpeechAt ?? null),
      // Clipping is what goes out: the peak after the fader.
      lastClipAt: r.peak >= CLIP_LEVEL ? now : (old?.lastClipAt ?? null),
    };
  }
  return next;
}

export type MicWarningKind = 'talkingWhileMuted' | 'silent' | 'clipping' | 'shouldBeLive' | 'shouldBeMuted';

export interface MicWarning {
  inputName: string;
  kind: MicWarningKind;
}

export interface MicFacts {
  inputName: string;
  /** null: OBS did not say (no audio, or unknown). */
  muted: boolean | null;
  /** Per the preset's scene on air: true should be live, false should be muted, null no opinion. */
  expectedLive: boolean | null;
}

export interface WarningContext {
  mics: readonly MicFacts[];
  activity: ActivityMap;
  now: number;
  /** Streaming: silence matters only then. */
  onAir: boolean;
}

const recent = (at: number | null, now: number) => at !== null && now - at <= HOLD_MS;

export function micWarnings({ mics, activity, now, onAir }: WarningContext): MicWarning[] {
  const warnings: MicWarning[] = [];
  for (const mic of mics) {
    const a = activity[mic.inputName];
    const add = (kind: MicWarningKind) => warnings.push({ inputName: mic.inputName, kind });
    if (mic.muted === true && a && recent(a.lastSpeechAt, now)) add('talkingWhileMuted');
    // Only while OBS meters it: a mic in no live scene is not silent, just not on air.
    if (mic.muted === false && onAir && a && now - a.lastMeteredAt <= METER_GAP_MS) {
      const quietSince = a.lastSoundAt !== null && a.lastSoundAt > a.watchedSince ? a.lastSoundAt : a.watchedSince;
      if (now - quietSince >= SILENCE_MS) add('silent');
    }
    if (mic.muted === false && a && recent(a.lastClipAt, now)) add('clipping');
    if (mic.expectedLive === true && mic.muted === true) add('shouldBeLive');
    if (mic.expectedLive === false && mic.muted === false) add('shouldBeMuted');
  }
  return warnings;
}

/** The preset's expectation for a mic in the scene on air; null when the preset has no say. */
export function expectedLive(
  inputName: string,
  presetMics: readonly string[],
  liveMicsOfScene: readonly string[] | null,
): boolean | null {
  if (liveMicsOfScene === null || !presetMics.includes(inputName)) return null;
  return liveMicsOfScene.includes(inputName);
}

/** Linear level to dBFS, floored at -60 for drawing. */
export const toDb = (mul: number): number => (mul <= 0.001 ? -60 : Math.max(-60, 20 * Math.log10(mul)));
