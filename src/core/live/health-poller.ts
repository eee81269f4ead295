import type { LiveHealth } from '../../shared/live/live-state';
import type { ObsState } from '../../shared/obs-state';
import { readStream, sampleFrom, type StreamReading } from '../broadcast-log/health-sampler';
import type { ObsController } from '../obs/obs-controller';

export type HealthObs = Pick<ObsController, 'state' | 'onState' | 'call'>;

const MINUTE = 60_000;

/**
 * GetStreamStatus and GetStats every 2 s while OBS streams. Bitrate and percentages come from
 * the broadcast log's sampleFrom (one formula app-wide); the dropped-frames share over the
 * last minute is what the > 2 % alert looks at, so an early burst does not alarm forever; the
 * same for frames the encoder skipped (OBS's "encoding overloaded").
 */
export class HealthPoller {
  readonly #obs: HealthObs;
  readonly #emit: (health: LiveHealth) => void;
  readonly #intervalMs: number;
  #timer: NodeJS.Timeout | null = null;
  #unsubscribe: (() => void) | null = null;
  #readings: StreamReading[] = [];
  #latest: LiveHealth | null = null;
  #busy = false;

  constructor(obs: HealthObs, emit: (health: LiveHealth) => void, intervalMs = 2_000) {
    this.#obs = obs;
    this.#emit = emit;
    this.#intervalMs = intervalMs;
  }

  get latest(): LiveHealth | null {
    return this.#latest;
  }

  start(): void {
    this.#unsubscribe ??= this.#obs.onState((state) => this.#follow(state));
    this.#follow(this.#obs.state);
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#halt();
  }

  #follow(state: ObsState): void {
    if (state.stream.active && !this.#timer) {
      this.#readings = [];
      this.#timer = setInterval(() => void this.#poll(), this.#intervalMs);
      void this.#poll();
    } else if (!state.stream.active && this.#timer && state.connection.status === 'connected') {
      // Stopped in OBS. A lost link keeps the last figures: the stream may go on in OBS.
      this.#halt();
      if (this.#latest) this.#publish({ ...this.#latest, at: Date.now(), active: false, kbps: 0 });
    }
  }

  #halt(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  async #poll(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    try {
      const reading = await readStream(this.#obs);
      if (!reading) return;
      const previous = this.#readings.at(-1) ?? null;
      this.#readings = [...this.#readings.filter((r) => reading.atMs - r.atMs <= MINUTE), reading];
      const sample = sampleFrom(reading, previous);
      const first = this.#readings[0]!;
      const frames = reading.totalFrames - first.totalFrames;
      const dropped = reading.droppedFrames - first.droppedFrames;
      const encoded = reading.encoderTotal - first.encoderTotal;
      const skipped = reading.encoderSkipped - first.encoderSkipped;
      this.#publish({
        at: reading.atMs,
        active: reading.active,
        durationMs: reading.durationMs,
        kbps: sample.kbps,
        droppedPct: sample.droppedPct,
        droppedPctMinute:
          frames > 0 && dropped >= 0 ? Math.round((dropped / frames) * 10_000) / 100 : sample.droppedPct,
        skippedPct: sample.skippedPct,
        skippedPctMinute:
          encoded > 0 && skipped >= 0 ? Math.round((skipped / encoded) * 10_000) / 100 : sample.skippedPct,
        congestion: sample.congestion,
        reconnecting: sample.reconnecting,
      });
    } finally {
      this.#busy = false;
    }
  }

  #publish(health: LiveHealth): void {
    this.#latest = health;
    this.#emit(health);
  }
}
