import type { EventName, RequestName } from '../../shared/api-contract';
import type { RemoteRole } from '../../shared/remote/remote-state';

/**
 * Who may make each request of the contract. The desktop (its window, or the computer's own
 * browser with the host's token) may make every request; a paired device only what its role
 * allows. Written out for every request, so a new request fails the type check here until
 * someone decides who may make it.
 *
 * - `desktop`: the computer only (settings, destinations and keys, presets, the checklist,
 *   going live, the log, the remote itself).
 * - `operator`: also an operator's phone: scenes, Take, mics, privacy, texts, the picture.
 * - `host`: also a phone given the host role: ending the broadcast.
 */
export type Access = 'desktop' | 'operator' | 'host';

export const requestAccess: Record<RequestName, Access> = {
  'app.getInfo': 'operator',
  'app.openLogFolder': 'desktop',

  'settings.get': 'operator',
  'settings.saveConnection': 'desktop',
  'settings.setLanguage': 'desktop',

  'obs.getState': 'operator',
  'obs.reconnectNow': 'desktop',
  'obs.switchScene': 'operator',

  'log.list': 'desktop',
  'log.get': 'desktop',
  'log.update': 'desktop',
  'log.todo': 'desktop',
  'log.markTodoDone': 'desktop',
  'log.stats': 'desktop',
  'log.exportCsv': 'desktop',
  'log.exportJson': 'desktop',
  'log.importJson': 'desktop',

  'presets.list': 'operator',
  'presets.duplicate': 'desktop',
  'presets.rename': 'desktop',
  'presets.update': 'desktop',
  'presets.delete': 'desktop',
  'presets.import': 'desktop',
  'presets.export': 'desktop',
  // Texts and name bars, live; the device choices in the same request stay the computer's (below).
  'presets.setDetails': 'operator',
  'presets.plan': 'desktop',
  'presets.apply': 'desktop',

  'destinations.list': 'desktop',
  'destinations.save': 'desktop',
  'destinations.delete': 'desktop',
  'destinations.revealKey': 'desktop',
  'checklist.get': 'desktop',
  'checklist.updateSession': 'desktop',
  'checklist.tick': 'desktop',
  'checklist.resetTicks': 'desktop',
  'checklist.refresh': 'desktop',
  'checklist.fix': 'desktop',
  'checklist.addItem': 'desktop',
  'checklist.removeItem': 'desktop',
  'checklist.moveItem': 'desktop',
  'checklist.setItemRequired': 'desktop',
  'checklist.setTemplateOptions': 'desktop',
  'checklist.resetTemplate': 'desktop',
  'golive.getState': 'operator',
  'golive.start': 'desktop',
  'golive.end': 'host',
  'golive.setAfterPlan': 'desktop',
  'golive.dismiss': 'desktop',

  'live.getState': 'operator',
  'live.selectScene': 'operator',
  'live.take': 'operator',
  'live.setStudioMode': 'desktop',
  'live.setTransition': 'desktop',
  'live.setMute': 'operator',
  'live.toggleMainMic': 'operator',
  'live.privacyCut': 'operator',
  'live.privacyRestore': 'operator',
  'live.watchMeters': 'operator',
  'live.watchProgram': 'operator',
  'live.thumbnail': 'operator',
  'live.getHealth': 'operator',

  'remote.getState': 'desktop',
  'remote.setEnabled': 'desktop',
  'remote.startPairing': 'desktop',
  'remote.cancelPairing': 'desktop',
  'remote.revoke': 'desktop',
  'remote.setRole': 'desktop',
  'remote.whoAmI': 'operator',
};

/** Which events a device receives: what its page shows. The rest (keys' names, the log, the pairing code) stay on the computer. */
export const deviceEvents: Record<EventName, boolean> = {
  'settings.changed': true,
  'obs.state': true,
  'log.changed': false,
  'presets.changed': true,
  'presets.applyProgress': true,
  'destinations.changed': false,
  'checklist.changed': false,
  'golive.state': true,
  'live.state': true,
  'live.meters': true,
  'live.health': true,
  'live.program': true,
  'remote.state': false,
  'remote.device': true,
};

export function roleAllows(role: RemoteRole, name: RequestName): boolean {
  const access = requestAccess[name];
  if (access === 'operator') return true;
  return access === 'host' && role === 'host';
}

/**
 * Parts of an allowed request a device still may not send: a program's device choices
 * (which camera and mic the preset uses) are set up at the computer.
 */
export function deviceMayNotSend(name: RequestName, params: unknown): boolean {
  return name === 'presets.setDetails' && typeof params === 'object' && params !== null && 'devices' in params;
}
