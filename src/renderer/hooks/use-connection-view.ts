import { connectionView, needsClock, type ConnectionView } from '../lib/connection-view';
import { useAppStore } from '../stores/app-store';
import { useObsStore } from '../stores/obs-store';
import { useNow } from './use-now';

/** The link to OBS as the status bar and the connection screens describe it. */
export function useConnectionView(): ConnectionView {
  const connection = useObsStore((s) => s.state.connection);
  const versions = useObsStore((s) => s.state.versions);
  const host = useAppStore((s) => s.host);
  const now = useNow(needsClock({ connection }));
  return connectionView({ connection, versions }, host, now);
}
