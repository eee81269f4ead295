import type { HealthSample } from '../../shared/broadcast-log/entry-schema';
import type { ObsController } from '../obs/obs-controller';

export interface StreamReading {
  atMs: number;
  /** GetStreamStatus.outputActive: false once the stream has stopped. */
  active: boolean;
  outputBytes: number;
  /** GetStreamStatus.outputSkippedFrames: frames the network output dropped. */
  droppedFrames: number;
  totalFrames: number;
  /** GetStats.outputSkippedFrames / outputTotalFrames: frames the encoder could not keep up with. */
  encoderSkipped: number;
  encoderTotal: number;
  congestion: number;
  reconnecting: boolean;
  durationMs: number;
}

const pct = (part: number, whole: number): number =>
  whole > 0 ? Math.min(100, Math.round((part / whole) * 10_000) / 100) : 0;

/** One sample from two readings; bitrate from the byte counter's growth (or the average, at first). */
export function sampleFrom(reading: StreamReading, previous: StreamReading | null): HealthSample {
  let kbps: number;
  if (previous && reading.atMs > previous.atMs && reading.outputBytes >= previous.outputBytes) {
    kbps = ((reading.outputBytes - previous.outputBytes) * 8) / (reading.atMs - previous.atMs);
  } else {
    kbps = reading.durationMs > 0 ? (reading.outputBytes * 8) / reading.durationMs : 0;
  }
  return {
    at: new Date(reading.atMs).toISOString(),
    kbps: Math.min(1_000_000, Math.round(kbps * 10) / 10),
    droppedPct: pct(reading.droppedFrames, reading.totalFrames),
    skippedPct: pct(reading.encoderSkipped, reading.encoderTotal),
    congestion: Math.min(1, Math.max(0, reading.congestion)),
    reconnecting: reading.reconnecting,
  };
}

/**
 * One reading of the stream's health: GetStreamStatus (bytes, network drops, congestion) and
 * GetStats (encoder skips) together. Null when OBS does not answer.
 */
export async function readStream(obs: Pick<ObsController, 'call'>): Promise<StreamReading | null> {
  const [status, stats] = await Promise.all([obs.call('GetStreamStatus'), obs.call('GetStats')]);
  if (!status.ok) return null;
  const s = status.value;
  return {
    atMs: Date.now(),
    active: s.outputActive,
    outputBytes: s.outputBytes,
    droppedFrames: s.outputSkippedFrames,
    totalFrames: s.outputTotalFrames,
    encoderSkipped: stats.ok ? stats.value.outputSkippedFrames : 0,
    encoderTotal: stats.ok ? stats.value.outputTotalFrames : 0,
    congestion: s.outputCongestion,
    reconnecting: s.outputReconnecting,
    durationMs: s.outputDuration,
  };
}
