import { useEffect } from 'react';
import type { BibblanApi } from '../../shared/api-bridge';

/**
 * Keeps the core's program-picture lease (10 s) renewed while the monitor is shown on a visible
 * page; a hidden or closed page lets it lapse, and the core's one loop stops by itself.
 */
export function useProgramLease(api: BibblanApi, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const renew = () => {
      if (document.visibilityState === 'visible') void api.live.watchProgram();
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
