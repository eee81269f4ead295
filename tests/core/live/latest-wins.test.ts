import { describe, expect, it } from 'vitest';
import { LatestWins } from '../../../src/core/live/latest-wins';
import { appError } from '../../../src/shared/errors';
import { fail, ok, type Result } from '../../../src/shared/result';

describe('LatestWins', () => {
  it('sends the first and the last of a burst, answering the skipped ones sent: false', async () => {
    const sent: number[] = [];
    const releases: Array<() => void> = [];
    const coalescer = new LatestWins<number>((n) => {
      sent.push(n);
      return new Promise<Result<null>>((resolve) => releases.push(() => resolve(ok(null))));
    });
    const outcomes = Array.from({ length: 10 }, (_, i) => coalescer.run(i));
    expect(sent).toEqual([0]);
    releases.shift()!();
    await outcomes[0];
    expect(sent).toEqual([0, 9]);
    releases.shift()!();
    const all = await Promise.all(outcomes);
    expect(all.map((r) => r.ok && r.value.sent)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it('passes a failure to its own caller and carries on', async () => {
    const coalescer = new LatestWins<string>(async (s) =>
      s === 'gone' ? fail(appError('OBS_SCENE_NOT_FOUND')) : ok(null),
    );
    expect(await coalescer.run('gone')).toEqual({ ok: false, error: { code: 'OBS_SCENE_NOT_FOUND' } });
    expect(await coalescer.run('there')).toEqual({ ok: true, value: { sent: true } });
  });
});
