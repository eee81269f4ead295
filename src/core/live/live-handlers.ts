import type { liveRequests } from '../../shared/contract/live';
import { ok } from '../../shared/result';
import type { RequestHandlers } from '../request-handlers';
import type { HealthPoller } from './health-poller';
import type { LiveService } from './live-service';
import type { MeterRelay } from './meter-relay';
import type { ProgramPictureLoop } from './program-picture';

export function liveHandlers(
  live: LiveService,
  meters: MeterRelay,
  health: HealthPoller,
  pictures: ProgramPictureLoop,
): RequestHandlers<typeof liveRequests> {
  return {
    'live.getState': async () => ok(live.state),
    'live.selectScene': ({ sceneName }) => live.selectScene(sceneName),
    'live.take': () => live.take(),
    'live.setStudioMode': ({ enabled }) => live.setStudioMode(enabled),
    'live.setTransition': ({ choice }) => live.setTransition(choice),
    'live.setMute': ({ inputName, muted }) => live.setMute(inputName, muted),
    'live.toggleMainMic': () => live.toggleMainMic(),
    'live.privacyCut': () => live.privacyCut(),
    'live.privacyRestore': () => live.privacyRestore(),
    'live.watchMeters': async () => ok({ untilMs: meters.watch() }),
    'live.watchProgram': async () => ok({ untilMs: pictures.watch() }),
    'live.thumbnail': ({ sceneName, width }) => live.thumbnail(sceneName, width),
    'live.getHealth': async () => ok(health.latest),
  };
}
