import { beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../src/shared/api-contract';
import { appError } from '../../../src/shared/errors';
import { emptyObsState, type ObsState } from '../../../src/shared/obs-state';
import { fail, ok } from '../../../src/shared/result';
import type { PublicSettings } from '../../../src/shared/settings';
import { dismissNotice, useAppStore } from '../../../src/renderer/stores/app-store';
import { connectStores } from '../../../src/renderer/stores/connect-stores';
import { useObsStore } from '../../../src/renderer/stores/obs-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { connectGoLiveStore, useGoLiveStore } from '../../../src/renderer/stores/golive-store';
import type { ChecklistStatus } from '../../../src/shared/checklist/checklist-schema';
import type { Destination } from '../../../src/shared/destinations/destination-schema';
import { idleGoLiveState, type GoLiveState } from '../../../src/shared/golive/golive-state';
import { emptyLiveState } from '../../../src/shared/live/live-state';
import { fakeApi, fakeHostLink, type Answers } from './fake-api';

const settings: PublicSettings = {
  language: 'sv',
  obs: { address: 'ws://127.0.0.1:4455', passwordSaved: false },
  setupDone: true,
};
const info: AppInfo = {
  version: '0.1.0',
  secretProtection: 'owner-only-file',
  notices: [appError('STORAGE_FILE_SET_ASIDE', { movedTo: 'settings.bad.json' })],
};
const connected: ObsState = {
  ...emptyObsState('ws://127.0.0.1:4455'),
  connection: {
    status: 'connected',
    address: 'ws://127.0.0.1:4455',
    error: null,
    autoReconnect: true,
    nextAttemptAt: null,
  },
};

/** The fake API, answering the always-on stores' loads unless told otherwise. */
function fakeTransport(answers: Answers = {}) {
  return fakeApi({
    'settings.get': () => ok(settings),
    'obs.getState': () => ok(connected),
    'app.getInfo': () => ok(info),
    'live.getState': () => ok(emptyLiveState()),
    ...answers,
  });
}

const fakeHost = () => fakeHostLink();

beforeEach(() => {
  useGoLiveStore.setState(useGoLiveStore.getInitialState(), true);
  useObsStore.setState(useObsStore.getInitialState(), true);
  useSettingsStore.setState(useSettingsStore.getInitialState(), true);
  useAppStore.setState(useAppStore.getInitialState(), true);
});

describe('connectStores', () => {
  it('loads settings, OBS state and app info into their stores', async () => {
    const fake = fakeTransport();
    connectStores(fake.api);
    await fake.answerAll();
    expect(useSettingsStore.getState().settings).toEqual(settings);
    expect(useObsStore.getState()).toMatchObject({ loaded: true, state: connected });
    expect(useAppStore.getState()).toMatchObject({ info, notices: info.notices, host: 'local', loadError: null });
  });

  it('keeps an OBS event that overtook the answer to getState', async () => {
    const fake = fakeTransport();
    connectStores(fake.api);
    const newer = { ...connected, programScene: 'Läsare' };
    fake.emit('obs.state', newer);
    await fake.answerAll();
    expect(useObsStore.getState().state.programScene).toBe('Läsare');
  });

  it('follows events after loading', async () => {
    const fake = fakeTransport();
    connectStores(fake.api);
    await fake.answerAll();
    fake.emit('settings.changed', { ...settings, language: 'en' });
    fake.emit('obs.state', { ...connected, stream: { active: true, state: 'live' } });
    expect(useSettingsStore.getState().settings?.language).toBe('en');
    expect(useObsStore.getState().state.stream.state).toBe('live');
  });

  it('reports why the settings could not be loaded, and can try again', async () => {
    let failing = true;
    const fake = fakeTransport({ 'settings.get': () => (failing ? fail(appError('INTERNAL_ERROR')) : ok(settings)) });
    const connection = connectStores(fake.api);
    await fake.answerAll();
    expect(useAppStore.getState().loadError).toEqual(appError('INTERNAL_ERROR'));
    failing = false;
    const reloaded = connection.reload();
    await fake.answerAll();
    await reloaded;
    expect(useAppStore.getState().loadError).toBeNull();
    expect(useSettingsStore.getState().settings).toEqual(settings);
  });

  it('through a WebSocket host, loads on every connect and tracks the link', async () => {
    const fake = fakeTransport();
    const link = fakeHost();
    connectStores(fake.api, link.host);
    expect(useAppStore.getState().host).toBe('connecting');
    expect(fake.requests).toEqual([]);

    link.set(true);
    await fake.answerAll();
    expect(useAppStore.getState().host).toBe('connected');
    expect(useSettingsStore.getState().settings).toEqual(settings);

    dismissNotice(0);
    link.set(false);
    expect(useAppStore.getState().host).toBe('lost');
    link.set(true);
    await fake.answerAll();
    expect(fake.requests.filter((name) => name === 'obs.getState')).toHaveLength(2);
    // A reload must not bring back a notice the user dismissed.
    expect(useAppStore.getState().notices).toEqual([]);
  });

  describe('the go-live store, through a WebSocket host that restarts', () => {
    const destination = (name: string): Destination => ({
      id: name.toLowerCase(),
      name,
      platform: 'facebook',
      server: 'rtmps://rtmp-api.facebook.com:443/rtmp/',
      backupServer: null,
      hasKey: true,
      isTest: false,
    });
    // The store keeps whatever the core sends; these stand in for a real status.
    const checklist = (ready: boolean) => ({ ready, blocking: [] }) as unknown as ChecklistStatus;
    const live: GoLiveState = {
      ...idleGoLiveState,
      phase: 'live',
      broadcast: {
        id: 'b1',
        origin: 'app',
        destinationId: 'filialen',
        destinationName: 'Filialen',
        platform: 'facebook',
        programType: 'storytime',
        rehearsal: false,
        streaming: true,
        recording: false,
        requestedAt: 1,
        liveAt: 2,
        endedAt: null,
        endedBy: null,
        overrideReason: null,
        overridden: [],
        logEntryId: null,
      },
    };

    /** The core behind the host: what it answers now, changed by the test as if it restarted. */
    function goLiveCore() {
      const core = {
        destinations: [destination('Filialen')],
        checklist: checklist(false),
        golive: live,
        hostDown: false,
      };
      const answer =
        <T>(value: () => T) =>
        () =>
          core.hostDown ? fail(appError('HOST_CONNECTION_LOST', { reason: 'closed' })) : ok(value());
      const fake = fakeTransport({
        'destinations.list': answer(() => core.destinations),
        'checklist.get': answer(() => core.checklist),
        'golive.getState': answer(() => core.golive),
      });
      return { core, fake };
    }

    it('loads destinations, checklist and go-live state again after the link comes back', async () => {
      const { core, fake } = goLiveCore();
      const link = fakeHost();
      connectStores(fake.api, link.host);
      connectGoLiveStore(fake.api); // as the Sänd and live views do
      link.set(true);
      await fake.answerAll();
      expect(useGoLiveStore.getState()).toMatchObject({ golive: live, checklist: { ready: false } });
      expect(useGoLiveStore.getState().destinations.map((d) => d.name)).toEqual(['Filialen']);

      // The host restarts: the broadcast ended and things changed meanwhile, and no event came through.
      link.set(false);
      core.golive = idleGoLiveState;
      core.destinations = [destination('Filialen'), destination('Huvudbiblioteket')];
      core.checklist = checklist(true);
      link.set(true);
      await fake.answerAll();
      expect(useGoLiveStore.getState()).toMatchObject({ golive: idleGoLiveState, checklist: { ready: true } });
      expect(useGoLiveStore.getState().destinations.map((d) => d.name)).toEqual(['Filialen', 'Huvudbiblioteket']);
    });

    it('keeps an event that overtook the reload, and what it shows when the reload fails', async () => {
      const { core, fake } = goLiveCore();
      const link = fakeHost();
      connectStores(fake.api, link.host);
      connectGoLiveStore(fake.api);
      link.set(true);
      await fake.answerAll();

      link.set(false);
      link.set(true);
      const ending: GoLiveState = { ...live, phase: 'ending' };
      fake.emit('golive.state', ending);
      await fake.answerAll();
      expect(useGoLiveStore.getState().golive).toEqual(ending);

      // Gone again before answering: the answers are failures, and the store stays as it was.
      link.set(false);
      link.set(true);
      core.hostDown = true;
      core.golive = idleGoLiveState;
      await fake.answerAll();
      expect(useGoLiveStore.getState().golive).toEqual(ending);
      expect(useGoLiveStore.getState().destinations).toHaveLength(1);
    });

    it('stops reloading once the view that connected it is gone', async () => {
      const { fake } = goLiveCore();
      const link = fakeHost();
      connectStores(fake.api, link.host);
      const disconnect = connectGoLiveStore(fake.api);
      link.set(true);
      await fake.answerAll();
      disconnect();
      const before = fake.requests.filter((name) => name === 'golive.getState').length;
      link.set(false);
      link.set(true);
      await fake.answerAll();
      expect(fake.requests.filter((name) => name === 'golive.getState')).toHaveLength(before);
      expect(fake.requests.filter((name) => name === 'obs.getState')).toHaveLength(2);
    });
  });

  it('unsubscribes everything on disconnect', () => {
    const fake = fakeTransport();
    const connection = connectStores(fake.api);
    expect(fake.listenerCount()).toBe(3); // settings, OBS, the live state
    connection.disconnect();
    expect(fake.listenerCount()).toBe(0);
  });
});
