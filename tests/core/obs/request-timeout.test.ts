import { describe, expect, it } from 'vitest';
import { PendingRequests } from '../../../src/core/obs/request-timeout';
import { appError } from '../../../src/shared/errors';

const never = <T>(): Promise<T> => new Promise<T>(() => {});
const mapError = () => appError('INTERNAL_ERROR');

describe('PendingRequests', () => {
  it('settles with the value, or the mapped error', async () => {
    const pending = new PendingRequests();
    await expect(pending.run('GetVersion', 1000, async () => 42, mapError)).resolves.toEqual({ ok: true, value: 42 });
    await expect(
      pending.run('GetVersion', 1000, async () => Promise.reject(new Error('x')), mapError),
    ).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL_ERROR' },
    });
    expect(pending.size).toBe(0);
  });

  it('times out with OBS_REQUEST_TIMEOUT naming the request', async () => {
    const pending = new PendingRequests();
    const started = Date.now();
    await expect(pending.run('GetStats', 50, never, mapError)).resolves.toEqual({
      ok: false,
      error: { code: 'OBS_REQUEST_TIMEOUT', params: { request: 'GetStats' } },
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(pending.size).toBe(0);
  });

  it('failAll settles everything in flight at once', async () => {
    const pending = new PendingRequests();
    const a = pending.run('A', 60_000, never, mapError);
    const b = pending.run('B', 60_000, never, mapError);
    expect(pending.size).toBe(2);
    const lost = appError('OBS_CONNECTION_LOST', { wasStreaming: true, wasRecording: false });
    pending.failAll(lost);
    await expect(a).resolves.toEqual({ ok: false, error: lost });
    await expect(b).resolves.toEqual({ ok: false, error: lost });
    expect(pending.size).toBe(0);
  });
});
