/**
 * The bench's phones: run INSIDE the phone network's namespace (`ip netns exec NS node --import
 * tsx phone-client-child.ts http://ADDRESS:PORT`), so they reach the computer only through the
 * veth pair, as phones on the library's Wi-Fi do. Each phone is a plain WebSocket client with the
 * device cookie its own pairing gave it (POST /remote/pair, as the pairing page sends it); no
 * browser, so five of them cost the two cores next to nothing and the figures are the host's.
 *
 * Commands come as JSON lines on stdin, answers go as JSON lines on stdout:
 * - {cmd:'pair', code, name}          pairs one more phone and opens its socket → {ok, phones}
 * - {cmd:'await', scene, timeoutMs}   until every phone's obs.state shows `scene` on air
 * - {cmd:'tap', scene, timeoutMs}     phone 0 sends live.selectScene; ms until its own obs.state
 *                                     shows the scene, and until the last phone's does → {ms, allMs}
 * - {cmd:'watch', phones}             the first `phones` renew the live.watchProgram lease (every
 *                                     3 s), the others stop → {ok}
 * - {cmd:'pictures'}                  live.program events received so far, per phone
 * - {cmd:'quit'}
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';

const base = new URL(process.argv[2] ?? '');
const origin = `${base.protocol}//${base.host}`;
const RENEW_MS = 3_000;

interface Phone {
  ws: WebSocket;
  programScene: string | null;
  pictures: number;
  renew: NodeJS.Timeout | null;
  pending: Map<string, (result: unknown) => void>;
  changed: Set<() => void>;
}

const phones: Phone[] = [];
let nextId = 1;

function postPair(body: object): Promise<{ status: number; cookie: string | null; text: string }> {
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL('/remote/pair', base),
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': data.length, Origin: origin },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          const set = res.headers['set-cookie']?.[0] ?? null;
          resolve({ status: res.statusCode ?? 0, cookie: set ? set.split(';')[0]! : null, text });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

function request(phone: Phone, name: string, params?: unknown): Promise<unknown> {
  const id = `b${nextId++}`;
  return new Promise((resolve) => {
    phone.pending.set(id, resolve);
    phone.ws.send(
      JSON.stringify(params === undefined ? { type: 'request', id, name } : { type: 'request', id, name, params }),
    );
  });
}

/** Resolves at the message that makes `predicate` true (checked now and on every message). */
function until(phone: Phone, predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate()) return resolve();
    const timer = setTimeout(() => {
      phone.changed.delete(check);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    function check(): void {
      if (!predicate()) return;
      clearTimeout(timer);
      phone.changed.delete(check);
      resolve();
    }
    phone.changed.add(check);
  });
}

async function pair(code: string, name: string): Promise<number> {
  const paired = await postPair({ code, name });
  if (paired.status !== 200 || !paired.cookie) throw new Error(`pairing refused: ${paired.status} ${paired.text}`);
  const ws = new WebSocket(new URL('/api', base).href.replace(/^http/, 'ws'), {
    headers: { Cookie: paired.cookie },
    origin,
    maxPayload: 64 * 1024 * 1024,
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`socket refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
  const phone: Phone = { ws, programScene: null, pictures: 0, renew: null, pending: new Map(), changed: new Set() };
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as {
      type: string;
      id?: string;
      name?: string;
      payload?: { programScene?: string | null };
      result?: { ok: boolean; value?: { programScene?: string | null } };
    };
    if (message.type === 'response') {
      const done = phone.pending.get(message.id ?? '');
      phone.pending.delete(message.id ?? '');
      done?.(message.result);
    } else if (message.name === 'obs.state') {
      phone.programScene = message.payload?.programScene ?? null;
    } else if (message.name === 'live.program') {
      phone.pictures += 1;
    }
    for (const check of [...phone.changed]) check();
  });
  const state = (await request(phone, 'obs.getState')) as { ok: boolean; value?: { programScene?: string | null } };
  if (!state.ok) throw new Error(`obs.getState refused: ${JSON.stringify(state)}`);
  phone.programScene ??= state.value?.programScene ?? null;
  phones.push(phone);
  return phones.length;
}

async function tap(scene: string, timeoutMs: number): Promise<{ ms: number; allMs: number }> {
  const [first] = phones;
  if (!first) throw new Error('no phone paired');
  if (phones.some((p) => p.programScene === scene)) throw new Error(`${scene} is already on air`);
  let ms = 0;
  const t0 = performance.now();
  const answer = request(first, 'live.selectScene', { sceneName: scene });
  const seen = phones.map((phone, i) =>
    until(phone, () => phone.programScene === scene, timeoutMs, `phone ${i} to show ${scene}`).then(() => {
      const at = performance.now() - t0;
      if (i === 0) ms = at;
      return at;
    }),
  );
  const all = await Promise.all(seen);
  const result = (await answer) as { ok: boolean };
  if (!result.ok) throw new Error(`live.selectScene refused: ${JSON.stringify(result)}`);
  return { ms, allMs: Math.max(...all) };
}

function watch(count: number): void {
  phones.forEach((phone, i) => {
    if (i < count && phone.renew === null) {
      void request(phone, 'live.watchProgram');
      phone.renew = setInterval(() => void request(phone, 'live.watchProgram'), RENEW_MS);
    } else if (i >= count && phone.renew !== null) {
      clearInterval(phone.renew);
      phone.renew = null;
    }
  });
}

const reply = (value: object): void => void process.stdout.write(`${JSON.stringify(value)}\n`);

createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line) as {
    cmd: string;
    code?: string;
    name?: string;
    scene?: string;
    timeoutMs?: number;
    phones?: number;
  };
  const run = async (): Promise<object> => {
    switch (command.cmd) {
      case 'pair':
        return { ok: true, phones: await pair(command.code!, command.name!) };
      case 'await':
        await Promise.all(
          phones.map((p, i) =>
            until(p, () => p.programScene === command.scene, command.timeoutMs ?? 10_000, `phone ${i}`),
          ),
        );
        return { ok: true };
      case 'tap':
        return { ok: true, ...(await tap(command.scene!, command.timeoutMs ?? 10_000)) };
      case 'watch':
        watch(command.phones ?? 0);
        return { ok: true };
      case 'pictures':
        return { ok: true, pictures: phones.map((p) => p.pictures) };
      case 'quit':
        watch(0);
        for (const p of phones) p.ws.close();
        setTimeout(() => process.exit(0), 200).unref();
        return { ok: true };
      default:
        throw new Error(`unknown command ${command.cmd}`);
    }
  };
  run().then(reply, (error: unknown) =>
    reply({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
reply({ ok: true, ready: true });
