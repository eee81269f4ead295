import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/host/cli-args';

describe('parseCliArgs', () => {
  it('has safe defaults', () => {
    expect(parseCliArgs([], '/data')).toEqual({
      ok: true,
      options: {
        port: 0,
        host: '127.0.0.1',
        dataDir: resolve('/data'),
        staticDir: null,
        remotePort: 47180,
        help: false,
      },
    });
  });

  it('reads every option, in both spellings', () => {
    const parsed = parseCliArgs(
      ['--port', '8080', '--host=localhost', '--data-dir', 'd', '--static-dir', 's', '--remote-port', '0', '-h'],
      '/x',
    );
    expect(parsed).toEqual({
      ok: true,
      options: {
        port: 8080,
        host: 'localhost',
        dataDir: resolve('d'),
        staticDir: resolve('s'),
        remotePort: 0,
        help: true,
      },
    });
  });

  it('explains bad arguments in one line', () => {
    for (const argv of [
      ['--port', 'abc'],
      ['--port', '70000'],
      ['--port', '-1'],
      ['--port=1.5'],
      ['--bogus'],
      ['positional'],
      ['--port'],
      ['--host', 'a b'],
      ['--data-dir='],
      ['--remote-port', '99999'],
      ['--remote-port=x'],
    ]) {
      const parsed = parseCliArgs(argv, '/x');
      expect(parsed.ok, argv.join(' ')).toBe(false);
      if (!parsed.ok) {
        expect(parsed.message.length).toBeGreaterThan(5);
        expect(parsed.message).not.toContain('\n');
      }
    }
  });
});
