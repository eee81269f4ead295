import { describe, expect, it } from 'vitest';
import { createActionRunner, type ActionState } from '../../../src/renderer/hooks/action-runner';
import { appError } from '../../../src/shared/errors';
import { fail, ok, type Result } from '../../../src/shared/result';

/** A runner whose every state change is recorded, and work whose answer the test releases. */
function setup(options?: { overlap?: boolean }) {
  const states: ActionState[] = [];
  const runner = createActionRunner((state) => states.push(state), options);
  const answers: Array<(result: Result<string>) => void> = [];
  let sent = 0;
  const work = () => {
    sent += 1;
    return new Promise<Result<string>>((resolve) => answers.push(resolve));
  };
  return { runner, states, work, answers, sent: () => sent, last: () => states.at(-1) };
}

describe('the action runner behind useAction', () => {
  it('is pending until the answer, and hands the answer back', async () => {
    const { runner, work, answers, last } = setup();
    const running = runner.run(work);
    expect(last()).toEqual({ pending: true, error: null });
    answers[0]!(ok('saved'));
    expect(await running).toEqual(ok('saved'));
    expect(last()).toEqual({ pending: false, error: null });
  });

  it('keeps a failure until the next run starts', async () => {
    const { runner, work, answers, last } = setup();
    const first = runner.run(work);
    answers[0]!(fail(appError('OBS_NOT_CONNECTED')));
    await first;
    expect(last()).toEqual({ pending: false, error: appError('OBS_NOT_CONNECTED') });
    const second = runner.run(work);
    expect(last()).toEqual({ pending: true, error: null });
    answers[1]!(ok('x'));
    await second;
    expect(last()?.error).toBeNull();
  });

  it('refuses a second run while one is on its way: a double submit sends once', async () => {
    const { runner, work, answers, sent, last } = setup();
    const first = runner.run(work);
    // Both presses in the same frame: the second sees no new render, only the runner's count.
    expect(await runner.run(work)).toBeUndefined();
    expect(sent()).toBe(1);
    answers[0]!(ok('saved'));
    await first;
    expect(last()?.pending).toBe(false);
    void runner.run(work);
    expect(sent()).toBe(2);
  });

  it('with overlap, runs side by side and stays pending until the last answer', async () => {
    const { runner, work, answers, sent, last } = setup({ overlap: true });
    const a = runner.run(work);
    const b = runner.run(work);
    expect(sent()).toBe(2);
    answers[0]!(fail(appError('INTERNAL_ERROR')));
    await a;
    expect(last()).toEqual({ pending: true, error: appError('INTERNAL_ERROR') });
    answers[1]!(ok('x'));
    await b;
    expect(last()).toEqual({ pending: false, error: appError('INTERNAL_ERROR') });
  });

  it('is no longer pending when the work throws (a bug), and lets the error through', async () => {
    const { runner, last } = setup();
    await expect(runner.run(() => Promise.reject(new Error('bug')))).rejects.toThrow('bug');
    expect(last()?.pending).toBe(false);
  });

  it('shows a failure found without asking the core, and clears it', () => {
    const { runner, last } = setup();
    runner.fail(appError('OBS_ADDRESS_INVALID'));
    expect(last()).toEqual({ pending: false, error: appError('OBS_ADDRESS_INVALID') });
    runner.clear();
    expect(last()).toEqual({ pending: false, error: null });
  });
});
