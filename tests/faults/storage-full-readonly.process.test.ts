import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEntries } from '../../src/core/broadcast-log/generate-entries';
import { startBrowserHostProcess, type RunningHost } from '../support/browser-host-process';
import { connectHostApi, stopHostProcess, type HostApiClient } from '../support/host-api-client';
import { readDataTree } from '../support/data-folder-tree';
import { makeTempDir } from '../support/temp-dir';
import { mountTiny, type TinyMount } from '../support/tiny-mount';
import { makeSite, removeDir } from '../host/helpers';

/**
 * The browser host on a data folder that turns read-only, then full (a tiny tmpfs, filled to
 * the last byte): every save answers a clear error code, the host keeps serving, and nothing
 * already stored is damaged. The broadcast log: a write on a full disk fails with its code,
 * and the log opens afterwards with every earlier entry.
 */

describe('fault: read-only and full data folder (browser host process)', () => {
  const base = makeTempDir('bibblan-faults-storage-');
  const dataDir = join(base.path, 'data');
  const site = makeSite();
  let mount: TinyMount | null = null;
  let host: RunningHost | null = null;
  let client: HostApiClient | null = null;
  const entries = generateEntries(5);
  const ADDRESS = 'ws://127.0.0.1:1';

  async function startHost(): Promise<HostApiClient> {
    host = await startBrowserHostProcess(['--port', '0', '--data-dir', dataDir, '--static-dir', site.staticDir]);
    client = await connectHostApi(host.port, host.token);
    return client;
  }
  async function stopHost(): Promise<void> {
    await client?.close();
    client = null;
    const stopped = host ? await stopHostProcess(host) : { code: null, stderr: 'no host' };
    host = null;
    expect(stopped.code, `the host exits cleanly: ${stopped.stderr}`).toBe(0);
  }

  beforeAll(async () => {
    mkdirSync(dataDir, { recursive: true });
    // Fails the test (not skips it) with a clear message when neither tmpfs nor bind works.
    mount = mountTiny(dataDir, 256);
    const api = await startHost();
    expect(
      await api.request('settings.saveConnection', {
        address: ADDRESS,
        password: { action: 'set', value: 'pw-before' },
      }),
    ).toMatchObject({ ok: true });
    expect(await api.request('settings.setLanguage', { language: 'en' })).toMatchObject({ ok: true });
    const imported = await api.request('log.importJson', { entries });
    expect(imported, JSON.stringify(imported) + host!.stderr()).toMatchObject({ ok: true, value: { added: 5 } });
    await stopHost();
  });

  afterAll(async () => {
    await client?.close().catch(() => {});
    await host?.stop('SIGKILL');
    try {
      mount?.unmount();
    } finally {
      base.remove();
      removeDir(site.root);
    }
  });

  async function expectStillServing(api: HostApiClient): Promise<void> {
    const info = await api.request<{ version: string }>('app.getInfo');
    expect(info.ok).toBe(true);
    const settings = await api.request<{ obs: { address: string }; language: string }>('settings.get');
    expect(settings).toMatchObject({ ok: true, value: { obs: { address: ADDRESS }, language: 'en' } });
    expect(host?.process.exitCode).toBeNull();
  }

  it('read-only: saving gives STORAGE_WRITE_FAILED, the host keeps running, the files stay byte-identical', async () => {
    const before = readDataTree(dataDir);
    expect([...before.keys()]).toEqual(expect.arrayContaining(['settings.json', 'secrets.json']));
    mount!.readOnly();
    try {
      const api = await startHost();
      const saved = await api.request('settings.saveConnection', {
        address: 'ws://127.0.0.1:2',
        password: { action: 'set', value: 'pw-after' },
      });
      expect(saved).toMatchObject({ ok: false, error: { code: 'STORAGE_WRITE_FAILED' } });
      const language = await api.request('settings.setLanguage', { language: 'sv' });
      expect(language).toMatchObject({ ok: false, error: { code: 'STORAGE_WRITE_FAILED' } });
      const keep = await api.request('settings.saveConnection', {
        address: 'ws://127.0.0.1:3',
        password: { action: 'keep' },
      });
      expect(keep).toMatchObject({ ok: false, error: { code: 'STORAGE_WRITE_FAILED' } });
      const note = await api.request('log.update', { id: entries[0]!.id, changes: { notes: 'read-only' } });
      expect(note.ok).toBe(false);
      expect(['LOG_WRITE_FAILED', 'LOG_UNAVAILABLE']).toContain(!note.ok && note.error.code);
      await expectStillServing(api);
      await stopHost();
    } finally {
      mount!.readWrite();
    }
    const after = readDataTree(dataDir);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [file, bytes] of before) expect(after.get(file)?.equals(bytes), `${file} unchanged`).toBe(true);
  });

  /** What the full-disk test saw, for the strict log check below. */
  let fullDisk: {
    note: { ok: boolean; error?: { code: string } };
    later: { ok: boolean };
    notes: Record<string, string>;
    notices: string[];
  } | null = null;
  const BIG_NOTE = 'n'.repeat(20_000);

  it('full disk: STORAGE_WRITE_FAILED for settings, the host keeps running, nothing stored is damaged, and the log reopens with every entry', async () => {
    const before = readDataTree(dataDir);
    const api = await startHost();
    const listed = await api.request<{ total: number }>('log.list', {});
    expect(listed).toMatchObject({ ok: true, value: { total: 5 } });
    mount!.fill();
    let note: { ok: boolean; error?: { code: string } };
    try {
      const saved = await api.request('settings.saveConnection', {
        address: 'ws://127.0.0.1:2',
        password: { action: 'set', value: 'pw-after' },
      });
      expect(saved).toMatchObject({ ok: false, error: { code: 'STORAGE_WRITE_FAILED' } });
      const language = await api.request('settings.setLanguage', { language: 'sv' });
      expect(language).toMatchObject({ ok: false, error: { code: 'STORAGE_WRITE_FAILED' } });
      // Larger than any slack left in the journal's last page: the whole line cannot fit.
      note = await api.request('log.update', { id: entries[1]!.id, changes: { notes: BIG_NOTE } });
      // Another write too large for what is left is refused with the log's own code (a failed
      // write leaves no partial line, so a small one might still fit in the last page).
      const refused = await api.request('log.update', { id: entries[3]!.id, changes: { notes: BIG_NOTE } });
      expect(refused).toMatchObject({ ok: false, error: { code: 'LOG_WRITE_FAILED' } });
      await expectStillServing(api);
      const stillListed = await api.request<{ total: number }>('log.list', {});
      expect(stillListed).toMatchObject({ ok: true, value: { total: 5 } });
    } finally {
      mount!.unfill();
    }
    // The disk has room again, the same host goes on writing.
    const later = await api.request('log.update', { id: entries[2]!.id, changes: { notes: 'room again' } });
    await stopHost();

    // settings and secrets: conf writes atomically, so they are byte-identical.
    const after = readDataTree(dataDir);
    for (const file of ['settings.json', 'secrets.json']) {
      expect(after.get(file)?.equals(before.get(file)!), `${file} unchanged`).toBe(true);
    }
    for (const [file, bytes] of after) {
      if (file.endsWith('.json'))
        expect(() => JSON.parse(bytes.toString('utf8')), `${file} is valid JSON`).not.toThrow();
    }

    // The log opens again with every earlier entry, and can be written again.
    const api2 = await startHost();
    const reopened = await api2.request<{ total: number; items: Array<{ id: string }> }>('log.list', {});
    expect(reopened.ok && reopened.value.total).toBe(5);
    expect(reopened.ok && reopened.value.items.map((i) => i.id).sort()).toEqual(entries.map((e) => e.id).sort());
    const notes: Record<string, string> = {};
    for (const entry of entries) {
      const got = await api2.request<{ entry: { notes: string } }>('log.get', { id: entry.id });
      expect(got).toMatchObject({ ok: true, value: { entry: { id: entry.id, title: entry.title } } });
      if (got.ok) notes[entry.id] = got.value.entry.notes;
    }
    expect(await api2.request('log.update', { id: entries[4]!.id, changes: { notes: 'after restart' } })).toMatchObject(
      { ok: true },
    );
    await expectStillServing(api2);
    const info = await api2.request<{ notices: Array<{ code: string }> }>('app.getInfo');
    expect(info.ok && info.value.notices.map((n) => n.code)).not.toContain('STORAGE_FILE_SET_ASIDE');
    fullDisk = { note, later, notes, notices: info.ok ? info.value.notices.map((n) => n.code) : [] };
    await stopHost();
  });

  /**
   * A full disk may take part of a journal line. The store must then answer LOG_WRITE_FAILED and
   * cut the partial line away (an edit answered ok is kept), so no torn or corrupt journal follows.
   */
  it('full disk: a log edit answered ok is kept, and no torn or corrupt journal follows', () => {
    expect(fullDisk, 'the full-disk test ran').not.toBeNull();
    const { note, later, notes, notices } = fullDisk!;
    if (note.ok)
      expect(notes[entries[1]!.id]?.length, 'the 20 000-character note answered ok is kept').toBe(BIG_NOTE.length);
    else expect(note.error?.code).toBe('LOG_WRITE_FAILED');
    expect(later.ok).toBe(true);
    expect(notes[entries[2]!.id]).toBe('room again');
    expect(notices).not.toContain('LOG_LAST_WRITE_TORN');
    expect(notices).not.toContain('LOG_FILE_SET_ASIDE');
  });
});
