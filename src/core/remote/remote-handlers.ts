import type { remoteRequests } from '../../shared/contract/remote';
import { ok } from '../../shared/result';
import type { RequestHandlers } from '../request-handlers';
import type { RemoteService } from './remote-service';

/** The desktop's requests for the phone remote (a device's own `remote.whoAmI` is answered in RemoteService). */
export function remoteHandlers(remote: RemoteService): RequestHandlers<typeof remoteRequests> {
  return {
    'remote.getState': async () => ok(remote.state),
    'remote.setEnabled': ({ enabled, address }) => remote.setEnabled(enabled, address),
    'remote.startPairing': async () => remote.startPairing(),
    'remote.cancelPairing': async () => remote.cancelPairing(),
    'remote.revoke': async ({ deviceId }) => remote.revoke(deviceId),
    'remote.setRole': async ({ deviceId, role }) => remote.setRole(deviceId, role),
    'remote.whoAmI': async () => ok({ computerName: remote.computerName, device: null }),
  };
}
