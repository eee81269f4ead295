import { useEffect } from 'react';
import type { BibblanApi } from '../../shared/api-bridge';

/** What the core hands out for a lease (10 s): meters, and the program monitor's pictures. */
const renewers = {
  meters: (api: BibblanApi) => api.live.watchMeters(),
  program: (api: BibblanApi) => api.live.watchProgram(),
} as const;

/**
 * Keeps one of the core's leases renewed while `active` on a visible page; a hidden or closed
 * page lets it lapse, and the core stops that flow by itself.
 */
export function useLease(api: BibblanApi, lease: keyof typeof renewers, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const renew = () => {
      if (document.visibilityState === 'visible') void renewers[lease](api);
    };
    renew();
    const timer = setInterval(renew, 4_000);
    document.addEventListener('visibilitychange', renew);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', renew);
    };
  }, [api, lease, active]);
}
