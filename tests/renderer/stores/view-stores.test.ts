import { beforeEach, describe, expect, it } from 'vitest';
import { connectStores } from '../../../src/renderer/stores/connect-stores';
import { connectLiveStore, useLiveStore } from '../../../src/renderer/stores/live-store';
import { emptyObsState } from '../../../src/shared/obs-state';
import { connectLogStore, useLogStore } from '../../../src/renderer/stores/log-store';
import { connectPresetsStore, usePresetsStore } from '../../../src/renderer/stores/presets-store';
import type { EntrySummary } from '../../../src/shared/broadcast-log/log-query';
import type { PresetEntry } from '../../../src/shared/contract/presets';
import { emptyLiveState, type LiveState } from '../../../src/shared/live/live-state';
import { ok } from '../../../src/shared/result';
import { fakeApi, fakeHostLink } from './fake-api';

// The stores stand in for what the views show; the values only need the fields read here.
const entry = (id: string) => ({ preset: { id, name: id } }) as unknown as PresetEntry;
const row = (id: string) => ({ id, title: id }) as unknown as EntrySummary;
const privacyOn: LiveState = { ...emptyLiveState(), privacy: { active: true, since: 1, previousScene: 'Läsare' } };

beforeEach(() => {
  useLiveStore.setState(useLiveStore.getInitialState(), true);
  usePresetsStore.setState(usePresetsStore.getInitialState(), true);
  useLogStore.setState(useLogStore.getInitialState(), true);
});

/**
 * The views' stores follow the host link like the always-on ones: a host restarted while a view
 * was open sent no events for what changed meanwhile, so each loads again when the link returns.
 */
describe('the live, presets and log stores after the host link returns', () => {
  it('live: shows the state the restarted host holds (fed always, since every screen shows privacy)', async () => {
    let state = emptyLiveState();
    const fake = fakeApi({
      'settings.get': () => ok({ language: 'sv', obs: { address: 'ws://127.0.0.1:4455', passwordSaved: false } }),
      'obs.getState': () => ok(emptyObsState('ws://127.0.0.1:4455')),
      'app.getInfo': () => ok({ version: '0.1.0', secretProtection: 'owner-only-file', notices: [] }),
      'live.getState': () => ok(state),
    });
    const link = fakeHostLink(true);
    connectStores(fake.api, link.host);
    await fake.answerAll();
    expect(useLiveStore.getState().state.privacy.active).toBe(false);

    link.set(false);
    state = privacyOn;
    link.set(true);
    await fake.answerAll();
    expect(useLiveStore.getState().state.privacy.active).toBe(true);
  });

  it('presets: lists what the restarted host holds', async () => {
    let presets = [entry('storytime')];
    const fake = fakeApi({ 'presets.list': () => ok({ presets }) });
    const link = fakeHostLink(true);
    connectPresetsStore(fake.api, { link: link.host });
    await fake.answerAll();

    link.set(false);
    presets = [entry('storytime'), entry('copy')];
    link.set(true);
    await fake.answerAll();
    expect(usePresetsStore.getState().entries.map((e) => e.preset.id)).toEqual(['storytime', 'copy']);
  });

  it('log: lists the restarted host’s entries, and open views reload what they show', async () => {
    let items = [row('a')];
    const fake = fakeApi({ 'log.list': () => ok({ total: items.length, items, programTypes: [] }) });
    const link = fakeHostLink(true);
    connectLogStore(fake.api, { link: link.host });
    await fake.answerAll();
    const revision = useLogStore.getState().revision;

    link.set(false);
    items = [row('b'), row('a')];
    link.set(true);
    await fake.answerAll();
    expect(Object.values(useLogStore.getState().rows).map((r) => r.id)).toEqual(['b', 'a']);
    expect(useLogStore.getState().revision).toBe(revision + 1);
  });

  it('each stops following the link when its view closes', async () => {
    const fake = fakeApi({
      'presets.list': () => ok({ presets: [] }),
      'log.list': () => ok({ total: 0, items: [], programTypes: [] }),
    });
    const link = fakeHostLink(true);
    const stops = [
      connectLiveStore(fake.api, { link: link.host }),
      connectPresetsStore(fake.api, { link: link.host }),
      connectLogStore(fake.api, { link: link.host }),
    ];
    await fake.answerAll();
    stops.forEach((stop) => stop());
    expect(link.listenerCount()).toBe(0);
    expect(fake.listenerCount()).toBe(0);
  });
});
