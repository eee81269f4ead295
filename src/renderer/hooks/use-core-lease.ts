import { useEffect } from 'react';
import type { BibblanApi } from '../../shared/api-bridge';

/** The core's leased work: each runs for 10 s after its last renewal (see MeterRelay, ProgramPictureLoop). */
export type CoreLease = 'watchMeters' | 'watchProgram';

/**
 * Keeps one of the core's leases renewed while `active` on a visible page; a hidden or closed
 * page lets it lapse, and the core stops that work by itself.
 */
export function useCoreLease(api: BibblanApi, lease: CoreLease, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const renew = () => {
      if (document.visibilityState === 'visible') void api.live[lease]();
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
