import { OBSWebSocket, type IncomingMessage, type OutgoingMessage } from 'obs-websocket-js';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A tiny WebSocket server for protocol cases a real OBS 29 cannot produce:
 * - 'v4': like the old obs-websocket 4.x: no v5 subprotocol, never a v5 Hello.
 * - 'silent': accepts the v5 subprotocol, then never says Hello.
 * - 'malformed-hello': sends a Hello without obsWebSocketVersion/rpcVersion.
 * - 'obs': enough of v5 to identify and answer the app's mirror load, so that kick() can
 *   close an established session with 4011 (OBS 29 has no request that kicks a client),
 *   and setNotReady() can hold it in 207 NotReady for as long as a test needs (a real OBS
 *   is not ready only for a moment, and not on cue).
 */
export type FakeObsMode = 'v4' | 'silent' | 'malformed-hello' | 'obs';

export interface FakeObsServer {
  readonly port: number;
  readonly address: string;
  /** WebSocket connections accepted so far (to see whether a client came back by itself). */
  readonly connections: number;
  /** Sessions currently identified. */
  readonly identified: number;
  /** Closes every open connection with this code (default 4011 SessionInvalidated). */
  kick(code?: number, reason?: string): void;
  /** Sends an event to every identified client. */
  emit(eventType: string, eventData?: Record<string, unknown>): Promise<void>;
  /** Changes what a request answers from now on, e.g. GetSceneList after a collection switch. */
  setReply(requestType: string, responseData: Record<string, unknown>): void;
  /**
   * While true, answers like obs-websocket 5.3+ before OBS has loaded: every request 207
   * NotReady, and every item of a batch too (only one with haltOnFailure); nothing runs.
   */
  setNotReady(notReady: boolean): void;
  /** The next `times` requests of this type fail with `status` (e.g. 600, not found yet). */
  failNext(requestType: string, status: number, times: number): void;
  /** Requests answered so far (batch items count one each), 207s included. */
  readonly requests: readonly { requestType: string; status: number }[];
  close(): Promise<void>;
}

/**
 * obs-websocket-js's own msgpack encoding, reused so that this server needs no dependency of
 * its own; the direction of the types does not matter to msgpack.
 */
class Codec extends OBSWebSocket {
  encode(message: unknown): Promise<ArrayBufferView> {
    return this.encodeMessage(message as OutgoingMessage);
  }
  decode(data: Buffer): Promise<IncomingMessage> {
    return this.decodeMessage(data as unknown as ArrayBuffer);
  }
}

const defaultReplies: Record<string, Record<string, unknown>> = {
  GetVersion: {
    obsVersion: '29.0.2-fake',
    obsWebSocketVersion: '5.1.0',
    rpcVersion: 1,
    platform: 'fake',
    availableRequests: [],
  },
  GetSceneList: {
    currentProgramSceneName: 'Scene',
    currentPreviewSceneName: null,
    scenes: [{ sceneIndex: 0, sceneName: 'Scene' }],
  },
  GetStudioModeEnabled: { studioModeEnabled: false },
  GetStreamStatus: { outputActive: false, outputReconnecting: false },
  GetRecordStatus: { outputActive: false, outputPaused: false },
  GetInputList: { inputs: [] },
};

export async function startFakeObsServer(mode: FakeObsMode, options: { port?: number } = {}): Promise<FakeObsServer> {
  const codec = new Codec();
  const server = new WebSocketServer({
    host: '127.0.0.1',
    port: options.port ?? 0,
    // v4 answers without a subprotocol; ws's client then fails "Server sent no subprotocol".
    handleProtocols: (protocols) => {
      if (mode === 'v4') return false;
      if (protocols.has('obswebsocket.msgpack')) return 'obswebsocket.msgpack';
      return protocols.has('obswebsocket.json') ? 'obswebsocket.json' : false;
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('fake OBS server has no port');

  let connections = 0;
  const identified = new Set<WebSocket>();
  const replies: Record<string, Record<string, unknown>> = { ...defaultReplies };
  let notReady = false;
  const failures = new Map<string, { status: number; left: number }>();
  const requests: { requestType: string; status: number }[] = [];
  const answer = (request: Record<string, unknown>): Record<string, unknown> => {
    const requestType = String(request.requestType);
    if (notReady) {
      requests.push({ requestType, status: 207 });
      const comment = 'OBS is not ready to perform the request.';
      return { requestType, requestId: request.requestId, requestStatus: { result: false, code: 207, comment } };
    }
    const failure = failures.get(requestType);
    if (failure && failure.left > 0) {
      failure.left -= 1;
      requests.push({ requestType, status: failure.status });
      return {
        requestType,
        requestId: request.requestId,
        requestStatus: { result: false, code: failure.status, comment: 'Failed as the test asked.' },
      };
    }
    const data = replies[requestType];
    requests.push({ requestType, status: data ? 100 : 204 });
    return {
      requestType,
      requestId: request.requestId,
      requestStatus: data
        ? { result: true, code: 100 }
        : { result: false, code: 204, comment: 'Unknown request type.' },
      responseData: data ?? null,
    };
  };
  const sendTo = async (socket: WebSocket, op: number, d: unknown): Promise<void> => {
    if (socket.readyState !== socket.OPEN) return;
    socket.send(socket.protocol === 'obswebsocket.json' ? JSON.stringify({ op, d }) : await codec.encode({ op, d }));
  };

  server.on('connection', (socket) => {
    connections += 1;
    socket.on('error', () => {});
    socket.on('close', () => identified.delete(socket));
    const json = socket.protocol === 'obswebsocket.json';
    const send = (op: number, d: unknown): Promise<void> => sendTo(socket, op, d);

    if (mode === 'v4' || mode === 'silent') return;
    if (mode === 'malformed-hello') {
      void send(0, { greeting: 'hello', version: 4 });
      return;
    }
    void send(0, { obsWebSocketVersion: '5.1.0', rpcVersion: 1 });
    socket.on('message', async (data: Buffer) => {
      const message = json ? (JSON.parse(String(data)) as IncomingMessage) : await codec.decode(data);
      const { op, d } = message as { op: number; d: Record<string, unknown> };
      if (op === 1) {
        identified.add(socket);
        await send(2, { negotiatedRpcVersion: 1 });
      } else if (op === 6) {
        await send(7, answer(d));
      } else if (op === 8) {
        const items = (d.requests as Record<string, unknown>[]) ?? [];
        const answered = notReady && d.haltOnFailure === true ? items.slice(0, 1) : items;
        await send(9, { requestId: d.requestId, results: answered.map(answer) });
      }
    });
  });

  return {
    port: address.port,
    address: `ws://127.0.0.1:${address.port}`,
    get connections() {
      return connections;
    },
    get identified() {
      return identified.size;
    },
    kick(code = 4011, reason = 'You have been kicked.') {
      for (const client of server.clients) client.close(code, reason);
    },
    async emit(eventType, eventData) {
      // eventIntent 0: obs-websocket-js reads only eventType and eventData.
      await Promise.all([...identified].map((client) => sendTo(client, 5, { eventType, eventIntent: 0, eventData })));
    },
    setReply(requestType, responseData) {
      replies[requestType] = responseData;
    },
    setNotReady(value) {
      notReady = value;
    },
    failNext(requestType, status, times) {
      failures.set(requestType, { status, left: times });
    },
    get requests() {
      return requests;
    },
    close() {
      for (const client of server.clients) client.terminate();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
