import type { MicSignal } from '../../shared/checklist/evaluate';
import { METER_GAP_MS, SOUND_LEVEL } from '../../shared/live/mic-warnings';
import { readMeters } from '../live/meter-relay';

/**
 * Turns OBS's InputVolumeMeters into "when was each input last heard" for the mic check.
 * The output-side peak counts (after mute and fader): a mic turned all the way down is as
 * silent to the stream as an unplugged one.
 */
export class MicSignalTracker {
  #signals: Record<string, MicSignal> = {};

  /** Returns true when an input went from not heard to heard (worth telling at once). */
  take(raw: unknown, now: number): boolean {
    const readings = readMeters(raw);
    if (!readings) return false;
    let newlyHeard = false;
    const next = { ...this.#signals };
    for (const r of readings) {
      const old = next[r.inputName];
      const continuous = old?.meteredAt !== null && old?.meteredAt !== undefined && now - old.meteredAt <= METER_GAP_MS;
      const heard = r.peak >= SOUND_LEVEL;
      if (heard && (old?.heardAt === null || old?.heardAt === undefined || now - old.heardAt > METER_GAP_MS))
        newlyHeard = true;
      next[r.inputName] = {
        heardAt: heard ? now : (old?.heardAt ?? null),
        meteredSince: continuous ? (old?.meteredSince ?? now) : now,
        meteredAt: now,
      };
    }
    this.#signals = next;
    return newlyHeard;
  }

  get signals(): Readonly<Record<string, MicSignal>> {
    return this.#signals;
  }

  /** A new OBS link or a finished broadcast: earlier sound checks no longer count. */
  clear(): void {
    this.#signals = {};
  }
}
