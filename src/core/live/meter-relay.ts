import { z } from 'zod';
import type { MeterReading, Meters } from '../../shared/live/live-state';

/** InputVolumeMeters as obs-websocket sends it: per channel [magnitude, peak, input peak]. */
const RawMetersSchema = z.object({
  inputs: z.array(z.object({ inputName: z.string(), inputLevelsMul: z.array(z.array(z.number())) })),
});

/**
 * Above +40 dBFS no real level goes (OBS boosts at most +26 dB). obs-websocket 5.1 can send
 * garbage (seen: 7.8e31) in the first reading after an input becomes active, before its meter
 * has samples: such a reading would show as clipping, or as a mic heard.
 */
const MAX_LEVEL = 100;
const saneLevel = (v: number) => Number.isFinite(v) && v >= 0 && v <= MAX_LEVEL;

export function readMeters(raw: unknown): MeterReading[] | null {
  const parsed = RawMetersSchema.safeParse(raw);
  if (!parsed.success) return null;
  const sane = parsed.data.inputs.filter(({ inputLevelsMul }) =>
    inputLevelsMul.every((channel) => channel.every(saneLevel)),
  );
  return sane.map(({ inputName, inputLevelsMul }) => {
    const max = (i: number) => inputLevelsMul.reduce((m, channel) => Math.max(m, channel[i] ?? 0), 0);
    return { inputName, magnitude: max(0), peak: max(1), inputPeak: max(2) };
  });
}

export interface MeterSource {
  watchMeters(listener: (data: unknown) => void): () => void;
}

export interface MeterRelayOptions {
  emit(meters: Meters): void;
  /** Shortest gap between two emitted events; default 66 ms (about 15 a second). */
  minGapMs?: number;
  /** How long one watch() keeps meters flowing; default 10 s. */
  leaseMs?: number;
}

/**
 * Meters for whoever watches: the OBS subscription is on while a lease runs (clients renew it
 * every few seconds, so a closed window stops the flow by itself), and events are thinned to
 * ~15 a second, peaks kept: the loudest value since the last event is sent, not the last one.
 */
export class MeterRelay {
  readonly #obs: MeterSource;
  readonly #o: Required<MeterRelayOptions>;
  #until = 0;
  #unwatch: (() => void) | null = null;
  #leaseTimer: NodeJS.Timeout | null = null;
  #flushTimer: NodeJS.Timeout | null = null;
  #lastEmit = 0;
  #held = new Map<string, MeterReading>();

  constructor(obs: MeterSource, options: MeterRelayOptions) {
    this.#obs = obs;
    this.#o = { minGapMs: 66, leaseMs: 10_000, ...options };
  }

  watch(now = Date.now()): number {
    this.#until = now + this.#o.leaseMs;
    this.#unwatch ??= this.#obs.watchMeters((data) => this.#onMeters(data));
    if (this.#leaseTimer) clearTimeout(this.#leaseTimer);
    this.#leaseTimer = setTimeout(() => this.stop(), this.#o.leaseMs);
    return this.#until;
  }

  stop(): void {
    if (this.#leaseTimer) clearTimeout(this.#leaseTimer);
    if (this.#flushTimer) clearTimeout(this.#flushTimer);
    this.#leaseTimer = this.#flushTimer = null;
    this.#unwatch?.();
    this.#unwatch = null;
    this.#held.clear();
  }

  #onMeters(data: unknown): void {
    const readings = readMeters(data);
    if (!readings) return;
    for (const r of readings) {
      const held = this.#held.get(r.inputName);
      this.#held.set(
        r.inputName,
        held
          ? {
              inputName: r.inputName,
              magnitude: Math.max(held.magnitude, r.magnitude),
              peak: Math.max(held.peak, r.peak),
              inputPeak: Math.max(held.inputPeak, r.inputPeak),
            }
          : r,
      );
    }
    if (this.#flushTimer) return;
    const wait = Math.max(0, this.#lastEmit + this.#o.minGapMs - Date.now());
    this.#flushTimer = setTimeout(() => this.#flush(), wait);
  }

  #flush(): void {
    this.#flushTimer = null;
    if (this.#held.size === 0) return;
    this.#lastEmit = Date.now();
    const inputs = [...this.#held.values()];
    this.#held.clear();
    this.#o.emit({ at: this.#lastEmit, inputs });
  }
}
