import { useEffect } from 'react';
import type { BibblanApi } from '../../shared/api-bridge';

/** Keeps the core's meter lease (10 s) renewed while this page is shown; hidden pages let it lapse. */
export function useMeterLease(api: BibblanApi, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const renew = () => {
      if (document.visibilityState === 'visible') void api.live.watchMeters();
    };
    renew();
    const timer = setInterval(renew, 4_000);
    document.addEventListener('visibilitychange', renew);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', renew);
    };
  }, [api, active]);
}
