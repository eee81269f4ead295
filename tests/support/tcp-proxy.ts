import net from 'node:net';

/**
 * A TCP proxy on loopback that a test controls, to cut a link mid-request:
 * - 'forward': new connections are piped to the target, bytes flow both ways;
 * - 'hold': connections stay open but bytes are kept back (a stalled link);
 * - 'refuse': new connections are closed at once (the far side looks unreachable).
 * cut() destroys every open connection (both sides). close() stops listening and cuts.
 * An exit handler closes whatever a failed test left open.
 */
export type ProxyMode = 'forward' | 'hold' | 'refuse';

export interface TcpProxy {
  readonly port: number;
  /** ws://127.0.0.1:PORT */
  readonly address: string;
  readonly mode: ProxyMode;
  setMode(mode: ProxyMode): void;
  /** Connections currently open through the proxy. */
  readonly openConnections: number;
  /** Bytes received from clients and kept back while holding. */
  readonly heldBytes: number;
  /** Destroys every open connection, both sides. */
  cut(): void;
  close(): Promise<void>;
}

interface Pair {
  client: net.Socket;
  upstream: net.Socket;
  toUpstream: Buffer[];
  toClient: Buffer[];
}

const liveServers = new Set<net.Server>();
process.once('exit', () => liveServers.forEach((server) => server.close()));

export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  let mode: ProxyMode = 'forward';
  const pairs = new Set<Pair>();

  const flush = (pair: Pair): void => {
    if (mode !== 'forward') return;
    for (const chunk of pair.toUpstream.splice(0)) pair.upstream.write(chunk);
    for (const chunk of pair.toClient.splice(0)) pair.client.write(chunk);
  };

  const server = net.createServer((client) => {
    if (mode === 'refuse') {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, targetHost);
    const pair: Pair = { client, upstream, toUpstream: [], toClient: [] };
    pairs.add(pair);
    const drop = (): void => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', drop);
    upstream.on('close', drop);
    client.on('data', (chunk: Buffer) => {
      pair.toUpstream.push(chunk);
      flush(pair);
    });
    upstream.on('data', (chunk: Buffer) => {
      pair.toClient.push(chunk);
      flush(pair);
    });
  });
  liveServers.add(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;

  const cut = (): void => {
    for (const pair of [...pairs]) {
      pairs.delete(pair);
      pair.client.destroy();
      pair.upstream.destroy();
    }
  };

  return {
    port,
    address: `ws://127.0.0.1:${port}`,
    get mode() {
      return mode;
    },
    setMode(next) {
      mode = next;
      if (next === 'forward') pairs.forEach(flush);
    },
    get openConnections() {
      return pairs.size;
    },
    get heldBytes() {
      let total = 0;
      for (const pair of pairs) for (const chunk of pair.toUpstream) total += chunk.length;
      return total;
    },
    cut,
    close() {
      cut();
      liveServers.delete(server);
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
