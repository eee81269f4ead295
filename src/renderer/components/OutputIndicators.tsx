import { useTranslation } from 'react-i18next';
import type { RecordState, StreamState } from '../../shared/obs-state';
import { useObsStore } from '../stores/obs-store';

/** Whether OBS is live and recording, as OBS last reported it. "Live" is loud on purpose. */
export function OutputIndicators() {
  const { t } = useTranslation();
  const stream = useObsStore((s) => s.state.stream.state);
  const record = useObsStore((s) => s.state.record.state);
  return (
    <>
      <span className={`output output--stream-${stream}`} data-testid="stream-status">
        {t(streamKey[stream])}
      </span>
      <span className={`output output--record-${record}`} data-testid="record-status">
        {t(recordKey[record])}
      </span>
    </>
  );
}

const streamKey = {
  offline: 'status.stream.offline',
  starting: 'status.stream.starting',
  live: 'status.stream.live',
  stopping: 'status.stream.stopping',
  reconnecting: 'status.stream.reconnecting',
} as const satisfies Record<StreamState, string>;

const recordKey = {
  off: 'status.record.off',
  starting: 'status.record.starting',
  recording: 'status.record.recording',
  paused: 'status.record.paused',
  stopping: 'status.record.stopping',
} as const satisfies Record<RecordState, string>;
