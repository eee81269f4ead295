import { emptyHealth, type HealthSample, type HealthSummary } from './entry-schema';

/** Folds one sample into the running summary (average of bitrate over the samples). */
export function addSampleToSummary(
  summary: HealthSummary,
  sample: HealthSample,
  reconnectStarted: boolean,
): HealthSummary {
  const n = summary.samples + 1;
  const avg = summary.avgKbps === null ? sample.kbps : summary.avgKbps + (sample.kbps - summary.avgKbps) / n;
  // OBS reports 0 kbit/s until its first bytes leave: that start-up is not the stream's lowest
  // bitrate. A 0 after bytes have flowed is real (the line went dead) and counts.
  const bytesFlowed = summary.minKbps !== null || sample.kbps > 0;
  return {
    samples: n,
    avgKbps: Math.round(avg * 10) / 10,
    minKbps: !bytesFlowed ? null : summary.minKbps === null ? sample.kbps : Math.min(summary.minKbps, sample.kbps),
    // OBS's counters are cumulative over the whole stream: the latest reading is the total.
    droppedPct: sample.droppedPct,
    skippedPct: sample.skippedPct,
    reconnects: summary.reconnects + (reconnectStarted ? 1 : 0),
    worstCongestion: Math.max(summary.worstCongestion, sample.congestion),
    lastSeenAt: sample.at,
  };
}

export function summarize(samples: readonly HealthSample[]): HealthSummary {
  let summary = emptyHealth();
  let wasReconnecting = false;
  for (const sample of samples) {
    summary = addSampleToSummary(summary, sample, sample.reconnecting && !wasReconnecting);
    wasReconnecting = sample.reconnecting;
  }
  return summary;
}
