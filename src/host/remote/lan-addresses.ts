import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

/**
 * The computer's IPv4 addresses a phone on the same network can reach: loopback and
 * link-local (169.254.x.x, what a computer gives itself when no network answered) left out.
 * Read anew each time: wifi comes and goes.
 */
export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): string[] {
  const found = new Set<string>();
  for (const list of Object.values(interfaces)) {
    for (const info of list ?? []) {
      // Node 18.0–18.3 said 4 instead of 'IPv4'.
      const v4 = info.family === 'IPv4' || (info.family as unknown) === 4;
      if (v4 && !info.internal && !info.address.startsWith('169.254.')) found.add(info.address);
    }
  }
  return [...found];
}
