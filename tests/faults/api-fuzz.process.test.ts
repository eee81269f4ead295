import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEntries } from '../../src/core/broadcast-log/generate-entries';
import { apiRequests, requestNames, type RequestName } from '../../src/shared/api-contract';
import { errorCodes } from '../../src/shared/errors';
import { WS_MAX_MESSAGE_BYTES } from '../../src/shared/ws-protocol';
import { startBrowserHostProcess, type RunningHost } from '../support/browser-host-process';
import { connectHostApi, type HostApiClient } from '../support/host-api-client';
import { requestsTakingObsNames, UNSAFE_NAME_SAMPLES } from '../support/obs-name-paths';
import { readDataTree } from '../support/data-folder-tree';
import { makeTempDir } from '../support/temp-dir';
import { makeSite, removeDir } from '../host/helpers';
import { scaled } from '../support/timeouts';

/**
 * Fuzzes every API request over the browser host's real WebSocket: malformed params (wrong
 * types, ~1 MB strings, deep nesting, odd unicode, prototype-pollution keys) and malformed
 * envelopes. Every answer must be a Result with ok:false and a catalog code, the host must
 * stay up, and nothing stored may change. The PRNG is seeded (FUZZ_SEED) so a failure
 * reproduces: the seed is in every failure message.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed_b1b1);
const CASES_PER_REQUEST = 36;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800', // lone high surrogate
  '\uDC00x', // lone low surrogate
  'x\uDBFF',
  '\u202Egnp.exe', // RTL override
  '\u200F\u202B\u2066mixed\u2069',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '\uFEFF\uFFFE\uFFFF',
  'Z̴̡̛a̸̢l̷g̶o̵',
  '../../etc/passwd',
  '%2e%2e%2f',
  '<script>alert(1)</script>',
  '${process.exit()}',
  '{{constructor.constructor("return process")()}}',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  '\r\n\t\v\f',
  'ÅÄÖ åäö',
  'x'.repeat(5000),
];
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', '__defineGetter__'];

function makeGen(random: () => number) {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;

  const primitive = (): unknown =>
    pick([
      () => null,
      () => true,
      () => false,
      () => 0,
      () => -1,
      () => 1e308,
      () => -1e308,
      () => Number.MAX_SAFE_INTEGER + 2,
      () => 0.5,
      () => int(1000) - 500,
      () => pick(ODD_STRINGS),
      () => String.fromCharCode(...Array.from({ length: int(40) }, () => int(0x10000))),
    ])();

  const value = (depth = 0): unknown => {
    const roll = random();
    if (depth > 3 || roll < 0.5) return primitive();
    if (roll < 0.7) return Array.from({ length: int(5) }, () => value(depth + 1));
    return object([], depth + 1);
  };

  /** An object with some of the schema's own keys (to get past the first checks), pollution keys and junk. */
  const object = (keys: string[], depth = 0): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const key of keys) if (random() < 0.8) out[key] = value(depth + 1);
    const extra = int(3);
    for (let i = 0; i < extra; i += 1) {
      const key = random() < 0.5 ? pick(POLLUTION_KEYS) : pick(ODD_STRINGS).slice(0, 30);
      // defineProperty: a literal __proto__ key would set the prototype instead of a key.
      Object.defineProperty(out, key, {
        value: random() < 0.5 ? { polluted: true, isAdmin: true } : value(depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  };

  return { int, pick, value, object, primitive };
}

/** Deeply nested JSON, built as text: [[[...]]] or {"a":{"a":...}}. */
const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** A string that makes the whole message just under the host's 1 MiB cap. */
const hugeString = (room: number) => 'ű'.repeat(Math.floor((WS_MAX_MESSAGE_BYTES - room) / 2));

const shapeKeys = (name: RequestName): string[] => {
  const schema = apiRequests[name].params as unknown as { shape?: Record<string, unknown> };
  return schema.shape && typeof schema.shape === 'object' ? Object.keys(schema.shape) : [];
};
const isValidParams = (name: RequestName, params: unknown): boolean =>
  apiRequests[name].params.safeParse(params).success;

describe(`fault: fuzzing every API request over the browser host's WebSocket (FUZZ_SEED=${SEED})`, () => {
  const data = makeTempDir('bibblan-faults-fuzz-');
  const site = makeSite();
  let host: RunningHost;
  let api: HostApiClient;

  const snapshotState = async () => {
    const out: Record<string, unknown> = {};
    for (const name of [
      'settings.get',
      'presets.list',
      'destinations.list',
      'checklist.get',
      'golive.getState',
    ] as const) {
      out[name] = await api.request(name);
    }
    out['log.list'] = await api.request('log.list', {});
    out['log.todo'] = await api.request('log.todo');
    return out;
  };

  beforeAll(async () => {
    host = await startBrowserHostProcess(['--port', '0', '--data-dir', data.path, '--static-dir', site.staticDir]);
    api = await connectHostApi(host.port, host.token);
    // Some state worth protecting.
    expect(await api.request('settings.setLanguage', { language: 'en' })).toMatchObject({ ok: true });
    expect(await api.request('log.importJson', { entries: generateEntries(4) })).toMatchObject({ ok: true });
    const dest = await api.request('destinations.save', {
      name: 'Fuzz – Facebook',
      platform: 'custom',
      server: 'rtmp://127.0.0.1:1/live',
      key: { kind: 'set', value: 'fuzz-key-123' },
    });
    expect(dest, JSON.stringify(dest)).toMatchObject({ ok: true });
    const list = await api.request<{ presets: Array<{ preset: { id: string } }> }>('presets.list');
    const first = list.ok ? list.value.presets[0] : undefined;
    expect(first, 'a built-in preset').toBeDefined();
    const copy = await api.request('presets.duplicate', { presetId: first!.preset.id });
    expect(copy, JSON.stringify(copy)).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    await api?.close().catch(() => {});
    await host?.stop('SIGKILL');
    data.remove();
    removeDir(site.root);
  });

  const expectRefused = (result: unknown, what: string, codes: readonly string[] = ['VALIDATION_FAILED']) => {
    const r = result as { ok?: unknown; error?: { code?: unknown } };
    const message = `FUZZ_SEED=${SEED} ${what} → ${JSON.stringify(result)?.slice(0, 300)}`;
    expect(r?.ok, message).toBe(false);
    expect(errorCodes as readonly string[], message).toContain(r.error?.code);
    expect(codes, message).toContain(r.error?.code);
  };

  it('malformed params for every request: VALIDATION_FAILED only, no crash, no change of state', async () => {
    const random = mulberry32(SEED);
    const gen = makeGen(random);
    const before = await snapshotState();
    const filesBefore = readDataTree(data.path);
    let sent = 0;

    for (const name of requestNames) {
      const keys = shapeKeys(name);
      const cases: Array<{ label: string; text: string }> = [];
      const envelope = (id: string, paramsJson: string) =>
        `{"type":"request","id":"${id}","name":"${name}","params":${paramsJson}}`;
      let n = 0;
      const add = (label: string, paramsJson: string) => {
        // Only params the contract refuses: a valid one would be a real request.
        if (isValidParams(name, JSON.parse(paramsJson))) return;
        const id = `${name}#${n++}`;
        cases.push({ label: `${name} ${label}`, text: envelope(id, paramsJson) });
      };
      for (let i = 0; i < CASES_PER_REQUEST; i += 1) {
        const params = random() < 0.6 ? gen.object(keys) : gen.value();
        add(`random #${i}`, JSON.stringify(params) ?? 'null');
      }
      // Wrong types for each known field, one at a time.
      for (const key of keys) {
        for (const bad of [null, 42, true, [], {}, '\uD800', { __proto__: null, constructor: 'x' }]) {
          add(`field ${key}=${JSON.stringify(bad)}`, JSON.stringify({ [key]: bad }));
        }
      }
      add('deep array', deepArray(3000));
      add('deep object', deepObject(3000));
      add('literal __proto__ key', `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`);
      // A ~1 MB string, as the params and as each field.
      const huge = JSON.stringify(hugeString(2_000));
      add('huge string', huge);
      if (keys[0]) add(`huge ${keys[0]}`, `{"${keys[0]}":${huge}}`);

      // Up to 24 in flight at once: fast, and concurrency is a fault too.
      for (let i = 0; i < cases.length; i += 24) {
        const batch = cases.slice(i, i + 24);
        const results = await Promise.all(
          batch.map(async (c) => {
            const id = /"id":"([^"]+)"/.exec(c.text)![1]!;
            return { c, response: await api.sendRaw(c.text, id, scaled(60_000)) };
          }),
        );
        for (const { c, response } of results) expectRefused(response.result, c.label);
        sent += batch.length;
      }
    }
    expect(sent).toBeGreaterThan(requestNames.length * 20);
    expect(host.process.exitCode).toBeNull();
    expect(await api.request('app.getInfo')).toMatchObject({ ok: true });
    expect(await snapshotState()).toEqual(before);
    expect(readDataTree(data.path)).toEqual(filesBefore);
  });

  it('malformed envelopes: refused with VALIDATION_FAILED or UNKNOWN_REQUEST, the id echoed when usable', async () => {
    const random = mulberry32(SEED ^ 0xa5a5);
    const gen = makeGen(random);
    const before = await snapshotState();
    const cases: Array<{ text: string; id: string | number | null; codes: string[] }> = [
      { text: 'not json', id: null, codes: ['VALIDATION_FAILED'] },
      { text: '', id: null, codes: ['VALIDATION_FAILED'] },
      { text: '{"type":"request","id":1,"name":"app.getInfo"', id: null, codes: ['VALIDATION_FAILED'] },
      { text: 'null', id: null, codes: ['VALIDATION_FAILED'] },
      { text: '[]', id: null, codes: ['VALIDATION_FAILED'] },
      { text: '42', id: null, codes: ['VALIDATION_FAILED'] },
      { text: '"app.getInfo"', id: null, codes: ['VALIDATION_FAILED'] },
      { text: deepArray(5000), id: null, codes: ['VALIDATION_FAILED'] },
      { text: '{"id":7,"name":"app.getInfo"}', id: 7, codes: ['VALIDATION_FAILED'] },
      { text: '{"type":"response","id":8,"name":"app.getInfo"}', id: 8, codes: ['VALIDATION_FAILED'] },
      { text: '{"type":"request","id":9,"name":"app.getInfo","extra":1}', id: 9, codes: ['VALIDATION_FAILED'] },
      { text: '{"type":"request","id":10,"name":""}', id: 10, codes: ['VALIDATION_FAILED'] },
      { text: `{"type":"request","id":11,"name":"${'a'.repeat(129)}"}`, id: 11, codes: ['VALIDATION_FAILED'] },
      { text: '{"type":"request","id":{"x":1},"name":"app.getInfo"}', id: null, codes: ['VALIDATION_FAILED'] },
      {
        text: `{"type":"request","id":"${'i'.repeat(129)}","name":"app.getInfo"}`,
        id: null,
        codes: ['VALIDATION_FAILED'],
      },
      { text: '{"type":"request","id":"","name":"app.getInfo"}', id: null, codes: ['VALIDATION_FAILED'] },
      { text: '{"type":"request","id":12,"name":42}', id: 12, codes: ['VALIDATION_FAILED'] },
      { text: '{"__proto__":{"type":"request"},"id":13,"name":"app.getInfo"}', id: 13, codes: ['VALIDATION_FAILED'] },
      {
        text: `{"type":"request","id":14,"name":"app.getInfo","params":${JSON.stringify(hugeString(200))}}`,
        id: 14,
        codes: ['VALIDATION_FAILED'],
      },
    ];
    let id = 100;
    for (const name of [
      'nope',
      'app',
      'app.',
      '.getInfo',
      'App.GetInfo',
      'app.getinfo',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'app.getInfo\u0000',
      '\u202Eofni',
      'settings.get ',
      'log.list/../app.getInfo',
    ]) {
      cases.push({ text: JSON.stringify({ type: 'request', id: ++id, name }), id, codes: ['UNKNOWN_REQUEST'] });
    }
    for (let i = 0; i < 60; i += 1) {
      const body = gen.object(['type', 'id', 'name', 'params']);
      const text = JSON.stringify(body);
      const parsed = JSON.parse(text) as Record<string, unknown>;
      const usableId =
        (typeof parsed.id === 'number' && Number.isFinite(parsed.id)) ||
        (typeof parsed.id === 'string' && parsed.id.length >= 1 && parsed.id.length <= 128)
          ? (parsed.id as string | number)
          : null;
      cases.push({ text, id: usableId, codes: ['VALIDATION_FAILED', 'UNKNOWN_REQUEST'] });
    }
    // One at a time: a response without a usable id can only be matched by order.
    for (const c of cases) {
      const response = await api.sendRaw(c.text, c.id, scaled(60_000));
      expect(response.type).toBe('response');
      expect(response.id).toEqual(c.id);
      expectRefused(response.result, `envelope ${c.text.slice(0, 120)}`, c.codes);
    }

    // A binary frame, and a text frame that is not UTF-8 (the socket may be closed for it).
    const binary = await api.sendRawBinary(Buffer.from([0, 1, 2, 3]));
    expectRefused(binary.result, 'binary frame');
    const other = await connectHostApi(host.port, host.token);
    const closedWith = new Promise<number>((resolve) => other.socket.once('close', (code) => resolve(code)));
    // ws sends a Buffer with binary:false as a text frame, byte for byte, unchecked.
    other.socket.send(Buffer.from([0x7b, 0xff, 0xfe, 0xc0, 0x7d]), { binary: false });
    expect(await closedWith).toBe(1007);
    // Too big for the host: the socket closes with 1009, the host stays up.
    const big = await connectHostApi(host.port, host.token);
    const bigClosed = new Promise<number>((resolve) => big.socket.once('close', (code) => resolve(code)));
    big.socket.send('x'.repeat(WS_MAX_MESSAGE_BYTES + 10));
    expect(await bigClosed).toBe(1009);

    expect(host.process.exitCode).toBeNull();
    expect(await api.request('app.getInfo')).toMatchObject({ ok: true });
    expect(await snapshotState()).toEqual(before);
  });

  it('names with control characters or lone surrogates: refused by every request that passes one to OBS', async () => {
    const list = await api.request<{ presets: Array<{ builtIn: boolean; preset: Record<string, unknown> }> }>(
      'presets.list',
    );
    const own = list.ok ? list.value.presets.find((p) => !p.builtIn)?.preset : undefined;
    expect(own, 'the preset copy made in beforeAll').toBeDefined();
    const presetId = own!.id as string;
    const withName = (name: string) => ({
      ...own!,
      scenes: (own!.scenes as object[]).map((scene, i) => (i === 0 ? { ...scene, name } : scene)),
    });
    // A valid request per place a name reaches OBS, and where the name goes in it.
    const cases: Array<{ name: RequestName; params: (bad: string) => unknown }> = [
      { name: 'obs.switchScene', params: (n) => ({ sceneName: n }) },
      { name: 'live.selectScene', params: (n) => ({ sceneName: n }) },
      { name: 'live.setMute', params: (n) => ({ inputName: n, muted: true }) },
      { name: 'live.thumbnail', params: (n) => ({ sceneName: n, width: 160 }) },
      { name: 'checklist.setTemplateOptions', params: (n) => ({ startingScene: n }) },
      { name: 'checklist.setTemplateOptions', params: (n) => ({ closingScene: n }) },
      { name: 'golive.end', params: (n) => ({ closingScene: n }) },
      // Names the app gives what it creates in OBS, and values it writes into OBS's settings.
      { name: 'presets.rename', params: (n) => ({ presetId, name: n }) },
      { name: 'presets.update', params: (n) => ({ preset: withName(n) }) },
      { name: 'presets.setDetails', params: (n) => ({ presetId, details: { title: n } }) },
      { name: 'presets.setDetails', params: (n) => ({ presetId, details: {}, devices: { camera1: n } }) },
      {
        name: 'destinations.save',
        params: (n) => ({ name: n, platform: 'custom', server: 'rtmp://127.0.0.1:1/live', key: { kind: 'keep' } }),
      },
    ];
    const covered = new Set(cases.map((c) => c.name));
    for (const name of requestsTakingObsNames().keys()) expect(covered, `${name} takes an OBS name`).toContain(name);

    const before = await snapshotState();
    const filesBefore = readDataTree(data.path);
    for (const c of cases) {
      // The same request with a plain name is valid, so only the name can be what is refused.
      expect(isValidParams(c.name, c.params('Scene')), `${c.name} ${JSON.stringify(c.params('Scene'))}`).toBe(true);
      for (const bad of UNSAFE_NAME_SAMPLES) {
        // Trimmed names (presets, destinations) may lose an unsafe character at the edge: still safe.
        if (c.name.startsWith('presets.') || c.name.startsWith('destinations.')) {
          if (bad.trim() !== bad) continue;
        }
        const params = c.params(bad);
        expectRefused(await api.request(c.name, params), `${c.name} ${JSON.stringify(params).slice(0, 200)}`);
      }
    }
    expect(await snapshotState()).toEqual(before);
    expect(readDataTree(data.path)).toEqual(filesBefore);
  });

  it('fuzzed preset and log imports: refused or reported as problems, nothing stored', async () => {
    const random = mulberry32(SEED ^ 0x1234);
    const gen = makeGen(random);
    const before = await snapshotState();
    const filesBefore = readDataTree(data.path);
    const [good] = generateEntries(1);
    for (let i = 0; i < 120; i += 1) {
      const junk =
        random() < 0.5 ? gen.object(['id', 'name', 'scenes', 'schemaVersion', 'texts', 'kind']) : gen.value();
      const json = random() < 0.2 ? `${JSON.stringify(junk)}`.slice(0, gen.int(40)) : (JSON.stringify(junk) ?? 'null');
      const result = await api.request<{ entry: unknown; problems: unknown[] }>('presets.import', { json });
      if (result.ok) {
        expect(result.value.entry, `FUZZ_SEED=${SEED} presets.import ${json.slice(0, 200)}`).toBeNull();
        expect(result.value.problems.length).toBeGreaterThan(0);
      } else expectRefused(result, `presets.import ${json.slice(0, 200)}`, ['VALIDATION_FAILED']);
    }
    for (let i = 0; i < 120; i += 1) {
      const entries = Array.from({ length: 1 + gen.int(4) }, () => {
        if (random() < 0.5 && good) {
          // A real entry with one field broken.
          const broken: Record<string, unknown> = { ...(good as unknown as Record<string, unknown>), id: `fuzz-${i}` };
          const keys = Object.keys(broken).filter((k) => k !== 'id');
          broken[gen.pick(keys)] = gen.value();
          broken.schemaVersion = gen.pick([0, 2, '1', null, 99]);
          return broken;
        }
        return random() < 0.5 ? gen.object(['id', 'schemaVersion', 'title', 'timeline', 'plannedStart']) : gen.value();
      });
      const result = await api.request<{ added: number }>('log.importJson', { entries });
      if (result.ok)
        expect(result.value.added, `FUZZ_SEED=${SEED} log.importJson ${JSON.stringify(entries).slice(0, 300)}`).toBe(0);
      else
        expectRefused(result, `log.importJson ${JSON.stringify(entries).slice(0, 200)}`, [
          'LOG_IMPORT_INVALID',
          'VALIDATION_FAILED',
        ]);
    }
    expect(host.process.exitCode).toBeNull();
    expect(await snapshotState()).toEqual(before);
    expect(readDataTree(data.path)).toEqual(filesBefore);
  });
});
