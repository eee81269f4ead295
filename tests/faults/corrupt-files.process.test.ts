import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateEntries } from '../../src/core/broadcast-log/generate-entries';
import { startBrowserHostProcess, type RunningHost } from '../support/browser-host-process';
import { connectHostApi, stopHostProcess, type HostApiClient } from '../support/host-api-client';
import { makeTempDir } from '../support/temp-dir';
import { makeSite, removeDir } from '../host/helpers';

/**
 * Corrupt settings, preset and broadcast-log files at start: the browser host process
 * starts anyway, moves each bad file aside (kept byte for byte under a new name, never
 * deleted), and app.getInfo's notices tell the user about each one.
 */
describe('fault: corrupt files at start (browser host process)', () => {
  const data = makeTempDir('bibblan-faults-corrupt-');
  const site = makeSite();
  let host: RunningHost | null = null;
  let client: HostApiClient | null = null;

  afterAll(async () => {
    await client?.close().catch(() => {});
    await host?.stop('SIGKILL');
    data.remove();
    removeDir(site.root);
  });

  const BAD = {
    'settings.json': '{"obs": {"address": "ws://127.0.0.1:4455"', // cut short
    'presets.json': '[1, 2, 3]', // JSON, but not an object
    'destinations.json': '\u0000\u0000\u0000garbage',
    'checklist.json': 'null',
  } as const;
  const [goodEntry] = generateEntries(1);
  const SNAPSHOT = 'this is not a snapshot header\n{"id":"x"}\n';

  it('starts, sets every bad file aside (kept), tells the user in app.getInfo, and works on', async () => {
    for (const [file, text] of Object.entries(BAD)) writeFileSync(join(data.path, file), text);
    const logDir = join(data.path, 'broadcast-log');
    mkdirSync(logDir, { recursive: true });
    writeFileSync(join(logDir, 'entries.snapshot.jsonl'), SNAPSHOT);

    host = await startBrowserHostProcess(['--port', '0', '--data-dir', data.path, '--static-dir', site.staticDir]);
    client = await connectHostApi(host.port, host.token);

    const info = await client.request<{ notices: Array<{ code: string; params?: Record<string, unknown> }> }>(
      'app.getInfo',
    );
    expect(info.ok).toBe(true);
    const notices = info.ok ? info.value.notices : [];
    const byFile = (file: string) => notices.find((n) => n.params?.file === file);
    expect(byFile('settings.json')?.code).toBe('STORAGE_FILE_SET_ASIDE');
    expect(byFile('presets.json')?.code).toBe('PRESETS_FILE_SET_ASIDE');
    expect(byFile('destinations.json')?.code).toBe('STORAGE_FILE_SET_ASIDE');
    expect(byFile('checklist.json')?.code).toBe('STORAGE_FILE_SET_ASIDE');
    expect(byFile('entries.snapshot.jsonl')?.code).toBe('LOG_FILE_SET_ASIDE');

    // Each bad file is kept, byte for byte, under the name the notice gives.
    const files = readdirSync(data.path);
    for (const [file, text] of Object.entries(BAD)) {
      const movedTo = String(byFile(file)?.params?.movedTo ?? '');
      const kept = files.find((f) => f.startsWith(`${file}.corrupt-`));
      expect(kept, `${file} kept aside`).toBeDefined();
      expect(movedTo.endsWith(kept!)).toBe(true);
      expect(readFileSync(join(data.path, kept!), 'utf8')).toBe(text);
    }
    const logFiles = readdirSync(logDir);
    const keptSnapshot = logFiles.find((f) => f.startsWith('entries.snapshot.jsonl.corrupt-'));
    expect(keptSnapshot, 'snapshot kept aside').toBeDefined();
    expect(readFileSync(join(logDir, keptSnapshot!), 'utf8')).toBe(SNAPSHOT);

    // The app works on, on fresh files: defaults, the built-in presets, an empty log.
    expect(await client.request('settings.get')).toMatchObject({ ok: true });
    const presets = await client.request<unknown[]>('presets.list');
    expect(presets.ok).toBe(true);
    expect(await client.request('log.list', {})).toMatchObject({ ok: true, value: { total: 0 } });
    expect(await client.request('settings.setLanguage', { language: 'en' })).toMatchObject({ ok: true });
    expect(await client.request('log.importJson', { entries: [goodEntry] })).toMatchObject({
      ok: true,
      value: { added: 1 },
    });
    expect(JSON.parse(readFileSync(join(data.path, 'settings.json'), 'utf8'))).toMatchObject({ language: 'en' });

    await client.close();
    client = null;
    const stopped = await stopHostProcess(host);
    expect(stopped.code, stopped.stderr).toBe(0);
    host = null;
  });

  it('a log journal with damaged lines: the good ones load, a copy keeps the bad ones, the user is told', async () => {
    const logDir = join(data.path, 'broadcast-log');
    const journal = join(logDir, 'entries.journal.jsonl');
    // The previous run left a valid journal (and maybe a snapshot); damage it in the middle.
    const original = readFileSync(journal, 'utf8');
    const damaged = `${original}{"op":"put","seq":999999,"entry":{"broken":\n\u0000\u0000not json at all\n`;
    writeFileSync(journal, damaged);

    host = await startBrowserHostProcess(['--port', '0', '--data-dir', data.path, '--static-dir', site.staticDir]);
    client = await connectHostApi(host.port, host.token);
    const info = await client.request<{ notices: Array<{ code: string; params?: Record<string, unknown> }> }>(
      'app.getInfo',
    );
    const notices = info.ok ? info.value.notices : [];
    // Only the journal is damaged now; the files set aside last time are not reported again.
    expect(notices.map((n) => n.code)).toEqual(['LOG_FILE_SET_ASIDE']);
    expect(notices[0]!.params?.file).toBe('entries.journal.jsonl');
    const copy = readdirSync(logDir).find((f) => f.startsWith('entries.journal.jsonl.corrupt-'));
    expect(copy, 'journal copy kept').toBeDefined();
    expect(readFileSync(join(logDir, copy!), 'utf8')).toBe(damaged);
    expect(await client.request('log.list', {})).toMatchObject({ ok: true, value: { total: 1 } });
    expect(await client.request('log.get', { id: goodEntry!.id })).toMatchObject({ ok: true });
    await client.close();
    client = null;
    const stopped = await stopHostProcess(host);
    expect(stopped.code, stopped.stderr).toBe(0);
    host = null;
  });
});
