import { afterEach, describe, expect, it } from 'vitest';
import { feedStore, type FeedPart } from '../../../src/renderer/stores/feed-store';
import { setWindowHostLink } from '../../../src/renderer/stores/host-link';
import { appError } from '../../../src/shared/errors';
import { fail, ok, type Result } from '../../../src/shared/result';
import { fakeHostLink } from './fake-api';

/** A part whose event the test sends and whose answers it releases one by one, in order. */
function fakePart<T>(answer: () => Result<T>) {
  const listeners = new Set<(value: T) => void>();
  const waiting: Array<() => void> = [];
  const shown: T[] = [];
  const failures: string[] = [];
  let asked = 0;
  const part: FeedPart<T> = {
    on: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    load: () => {
      asked += 1;
      return new Promise((resolve) => waiting.push(() => resolve(answer())));
    },
    set: (value) => shown.push(value),
    failed: (error) => failures.push(error.code),
  };
  return {
    part,
    shown,
    failures,
    asked: () => asked,
    emit: (value: T) => listeners.forEach((l) => l(value)),
    listeners: () => listeners.size,
    /** Answers the oldest load still waiting. */
    answerNext: async () => {
      waiting.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    },
    answerAll: async () => {
      for (const release of waiting.splice(0)) release();
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

afterEach(() => setWindowHostLink(null));

describe('feedStore', () => {
  it('loads each part and shows its answer, then follows its events', async () => {
    const scene = fakePart(() => ok('Läsare'));
    feedStore([scene.part], { link: null });
    expect(scene.asked()).toBe(1);
    await scene.answerAll();
    scene.emit('Tack');
    expect(scene.shown).toEqual(['Läsare', 'Tack']);
  });

  it('drops an answer that an event overtook: the event is newer', async () => {
    const scene = fakePart(() => ok('old answer'));
    feedStore([scene.part], { link: null });
    scene.emit('event');
    await scene.answerAll();
    expect(scene.shown).toEqual(['event']);
  });

  it('counts events per part: an event of one part does not drop the answer of another', async () => {
    const scene = fakePart(() => ok('Läsare'));
    const mic = fakePart(() => ok('muted'));
    feedStore([scene.part, mic.part], { link: null });
    scene.emit('Tack');
    await scene.answerAll();
    await mic.answerAll();
    expect(scene.shown).toEqual(['Tack']);
    expect(mic.shown).toEqual(['muted']);
  });

  it('drops an answer when a newer load was asked for meanwhile', async () => {
    let value = 'first';
    const scene = fakePart(() => ok(value));
    const feed = feedStore([scene.part], { link: null });
    void feed.reload();
    await scene.answerNext();
    value = 'second';
    await scene.answerNext();
    expect(scene.shown).toEqual(['second']);
  });

  it('waits for a link that is not up yet, then loads again each time it returns', async () => {
    let value = 'before';
    const scene = fakePart(() => ok(value));
    const link = fakeHostLink(false);
    feedStore([scene.part], { link: link.host });
    expect(scene.asked()).toBe(0);

    link.set(true);
    await scene.answerAll();
    expect(scene.shown).toEqual(['before']);

    // The host restarts; what it holds changed while no event could come through.
    link.set(false);
    value = 'after the restart';
    expect(scene.asked()).toBe(1);
    link.set(true);
    await scene.answerAll();
    expect(scene.asked()).toBe(2);
    expect(scene.shown).toEqual(['before', 'after the restart']);
  });

  it('loads at once when the link is already up', () => {
    const scene = fakePart(() => ok('x'));
    feedStore([scene.part], { link: fakeHostLink(true).host });
    expect(scene.asked()).toBe(1);
  });

  it("follows the window's link unless given one", async () => {
    const link = fakeHostLink(true);
    setWindowHostLink(link.host);
    const scene = fakePart(() => ok('x'));
    feedStore([scene.part]);
    link.set(false);
    link.set(true);
    expect(scene.asked()).toBe(2);
  });

  it('keeps what is shown when the link drops during a load, and reports any other failure', async () => {
    let answer: Result<string> = ok('shown');
    const scene = fakePart(() => answer);
    const feed = feedStore([scene.part], { link: null });
    await scene.answerAll();
    answer = fail(appError('HOST_CONNECTION_LOST', { reason: 'closed' }));
    void feed.reload();
    await scene.answerAll();
    expect(scene.shown).toEqual(['shown']);
    expect(scene.failures).toEqual([]);

    answer = fail(appError('INTERNAL_ERROR'));
    void feed.reload();
    await scene.answerAll();
    expect(scene.failures).toEqual(['INTERNAL_ERROR']);
    expect(scene.shown).toEqual(['shown']);
  });

  it('runs a part that loads in its own way on every load, told when it is a reload', async () => {
    const runs: boolean[] = [];
    const link = fakeHostLink(true);
    feedStore([{ set: () => {}, refresh: async (again) => void runs.push(again) }], { link: link.host });
    link.set(false);
    link.set(true);
    expect(runs).toEqual([false, true]);
  });

  it('stop() unsubscribes from the events and the link, and drops answers still on their way', async () => {
    const scene = fakePart(() => ok('late'));
    const link = fakeHostLink(true);
    const feed = feedStore([scene.part], { link: link.host });
    expect(scene.listeners()).toBe(1);
    expect(link.listenerCount()).toBe(1);
    feed.stop();
    expect(scene.listeners()).toBe(0);
    expect(link.listenerCount()).toBe(0);
    await scene.answerAll();
    link.set(false);
    link.set(true);
    await feed.reload();
    expect(scene.asked()).toBe(1);
    expect(scene.shown).toEqual([]);
  });
});
