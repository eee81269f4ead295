import { useCallback } from 'react';
import type { AppError } from '../../shared/errors';
import { useApi } from '../api/api-context';
import { useAction } from './use-action';

/** "Reconnect now": the state it leads to comes from OBS events; only a failed request is kept here. */
export function useReconnect(): { reconnect: () => Promise<void>; error: AppError | null } {
  const api = useApi();
  const { run, error } = useAction({ overlap: true });
  const reconnect = useCallback(async () => {
    await run(() => api.obs.reconnectNow());
  }, [api, run]);
  return { reconnect, error };
}
