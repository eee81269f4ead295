import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtHostCommand, startBrowserHostProcess } from '../support/browser-host-process';
import { makeSite, removeDir, tempDir } from './helpers';

/** Runs the CLI to its end and collects what it wrote. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(...builtHostCommand(args), {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run serve (src/host/cli.ts, built)', () => {
  let site: ReturnType<typeof makeSite>;
  let dataDir: string;

  beforeAll(() => {
    site = makeSite();
    dataDir = join(tempDir('cli-data'), 'nested', 'data');
  });
  afterAll(() => {
    removeDir(site.root);
    removeDir(join(dataDir, '..', '..'));
  });

  it('prints exactly one line, serves the page with the token, and exits 0 on SIGTERM', async () => {
    const host = await startBrowserHostProcess(['--port', '0', '--data-dir', dataDir, '--static-dir', site.staticDir]);
    try {
      expect(host.stdoutLines).toEqual([`Serving at ${host.url}`]);
      const page = await fetch(host.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Bibblan</title>');
      expect((await fetch(`http://127.0.0.1:${host.port}/`)).status).toBe(401);
      expect(existsSync(dataDir)).toBe(true);
      if (process.platform !== 'win32') expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    } finally {
      expect(await host.stop('SIGTERM')).toBe(0);
    }
    expect(host.stdoutLines).toHaveLength(1);
  });

  it("logs to stderr and to <data folder>/logs in the desktop app's line shape, never the token", async () => {
    const host = await startBrowserHostProcess(['--data-dir', dataDir, '--static-dir', site.staticDir]);
    expect(await host.stop('SIGTERM')).toBe(0);
    const file = readFileSync(join(dataDir, 'logs', 'bibblan-live.log'), 'utf8');
    expect(file).toMatch(/^\S+Z info \[host\] Data folder /m);
    expect(file).toMatch(/^\S+Z info \[host\] Stopping \{"signal":"SIGTERM"\}$/m);
    expect(host.stderr()).toContain('info [host] Data folder');
    expect(file).not.toContain(host.token);
    expect(host.stderr()).not.toContain(host.token);
  });

  it('exits 0 on SIGINT too', async () => {
    const host = await startBrowserHostProcess(['--data-dir', dataDir, '--static-dir', site.staticDir]);
    expect(await host.stop('SIGINT')).toBe(0);
  });

  it('refuses bad arguments with a one-line reason and the usage, exit 2', async () => {
    for (const args of [['--port', 'abc'], ['--nope'], ['extra']]) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.split('\n')[0]).toMatch(/^bibblan-live serve: \S/);
      expect(run.stderr).toContain('Usage: npm run serve');
    }
  });

  it('exits 1 with a reason when the port is taken', async () => {
    const first = await startBrowserHostProcess(['--data-dir', dataDir, '--static-dir', site.staticDir]);
    try {
      const run = await runCli(['--port', String(first.port), '--data-dir', dataDir, '--static-dir', site.staticDir]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('EADDRINUSE');
    } finally {
      await first.stop();
    }
  });
});
