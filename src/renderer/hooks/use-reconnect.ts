import { useCallback, useState } from 'react';
import type { AppError } from '../../shared/errors';
import { useApi } from '../api/api-context';

/** "Reconnect now": the state it leads to comes from OBS events; only a failed request is kept here. */
export function useReconnect(): { reconnect: () => Promise<void>; error: AppError | null } {
  const api = useApi();
  const [error, setError] = useState<AppError | null>(null);
  const reconnect = useCallback(async () => {
    setError(null);
    const result = await api.obs.reconnectNow();
    if (!result.ok) setError(result.error);
  }, [api]);
  return { reconnect, error };
}
