import { hostname } from 'node:os';
import type { Logger } from '../../core/ports';
import type { RemoteAccess, RemoteListener } from '../../core/remote/remote-ports';
import { lanAddresses } from './lan-addresses';
import { createRemoteListener } from './remote-listener';

export { lanAddresses } from './lan-addresses';
export { createRemoteListener, type RemoteListenerFactory, type RemoteListenerOptions } from './remote-listener';

/** What both platforms (the browser host and Electron's main process) give the core as `remote`. */
export interface RemotePlatform {
  listener: (access: RemoteAccess) => RemoteListener;
  lanAddresses: () => string[];
  computerName: string;
  port?: number;
}

export function remotePlatform(options: { staticDir: string; logger: Logger; port?: number }): RemotePlatform {
  return {
    listener: createRemoteListener({ staticDir: options.staticDir, logger: options.logger }),
    lanAddresses: () => lanAddresses(),
    computerName: hostname(),
    ...(options.port === undefined ? {} : { port: options.port }),
  };
}
