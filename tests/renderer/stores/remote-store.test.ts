import { beforeEach, describe, expect, it } from 'vitest';
import {
  connectDeviceStore,
  connectRemoteStore,
  formatCountdown,
  secondsLeft,
  useRemoteStore,
} from '../../../src/renderer/stores/remote-store';
import { appError } from '../../../src/shared/errors';
import type { RemoteState, RemoteWhoAmI } from '../../../src/shared/remote/remote-state';
import { fail, ok } from '../../../src/shared/result';
import { fakeApi, fakeHostLink } from './fake-api';

const off: RemoteState = {
  enabled: false,
  computerName: 'Bibblan-PC',
  addresses: ['192.168.1.20', '10.0.0.5'],
  address: '192.168.1.20',
  port: 47180,
  url: null,
  pairing: null,
  devices: [],
  problem: null,
};
const pairing: RemoteState = {
  ...off,
  enabled: true,
  url: 'http://192.168.1.20:47180/',
  pairing: { code: '482907', url: 'http://192.168.1.20:47180/pair#s=secret', expiresAt: '2026-12-02T10:02:00.000Z' },
};

beforeEach(() => useRemoteStore.setState(useRemoteStore.getInitialState(), true));

describe('the remote store on the computer', () => {
  it('loads remote.getState and follows remote.state', async () => {
    const fake = fakeApi({ 'remote.getState': () => ok(off) });
    connectRemoteStore(fake.api, { link: null });
    await fake.answerAll();
    expect(useRemoteStore.getState().state).toEqual(off);
    fake.emit('remote.state', pairing);
    expect(useRemoteStore.getState().state?.pairing?.code).toBe('482907');
  });

  it('keeps an event that overtook the answer (a pairing started meanwhile)', async () => {
    const fake = fakeApi({ 'remote.getState': () => ok(off) });
    connectRemoteStore(fake.api, { link: null });
    fake.emit('remote.state', pairing);
    await fake.answerAll();
    expect(useRemoteStore.getState().state).toEqual(pairing);
  });

  it('says why it could not load, and clears that once a state arrives', async () => {
    const fake = fakeApi({ 'remote.getState': () => fail(appError('INTERNAL_ERROR')) });
    connectRemoteStore(fake.api, { link: null });
    await fake.answerAll();
    expect(useRemoteStore.getState()).toMatchObject({ state: null, loadError: appError('INTERNAL_ERROR') });
    fake.emit('remote.state', off);
    expect(useRemoteStore.getState()).toMatchObject({ state: off, loadError: null });
  });

  it('loads again when the host link returns, and stops listening when disconnected', async () => {
    let state = off;
    const fake = fakeApi({ 'remote.getState': () => ok(state) });
    const link = fakeHostLink(true);
    const stop = connectRemoteStore(fake.api, { link: link.host });
    await fake.answerAll();
    link.set(false);
    state = pairing;
    link.set(true);
    await fake.answerAll();
    expect(useRemoteStore.getState().state).toEqual(pairing);
    stop();
    expect(fake.listenerCount()).toBe(0);
    expect(link.listenerCount()).toBe(0);
  });
});

describe('the device store on a phone', () => {
  const me: RemoteWhoAmI = {
    computerName: 'Bibblan-PC',
    device: { id: 'dev_0123456789', name: 'Annas telefon', role: 'operator' },
  };

  it('loads remote.whoAmI and follows a role change from the computer', async () => {
    const fake = fakeApi({ 'remote.whoAmI': () => ok(me) });
    connectDeviceStore(fake.api, { link: null });
    await fake.answerAll();
    expect(useRemoteStore.getState().me).toEqual(me);
    fake.emit('remote.device', { ...me, device: { ...me.device!, role: 'host' } });
    expect(useRemoteStore.getState().me?.device?.role).toBe('host');
  });
});

describe("the pairing code's countdown", () => {
  const expiresAt = '2026-12-02T10:02:00.000Z';
  const at = (iso: string) => Date.parse(iso);

  it('counts whole seconds up, and never below zero', () => {
    expect(secondsLeft(expiresAt, at('2026-12-02T10:00:00.000Z'))).toBe(120);
    expect(secondsLeft(expiresAt, at('2026-12-02T10:01:59.200Z'))).toBe(1);
    expect(secondsLeft(expiresAt, at('2026-12-02T10:02:00.000Z'))).toBe(0);
    expect(secondsLeft(expiresAt, at('2026-12-02T10:05:00.000Z'))).toBe(0);
  });

  it('reads as minutes and seconds', () => {
    expect(formatCountdown(120)).toBe('2:00');
    expect(formatCountdown(105)).toBe('1:45');
    expect(formatCountdown(9)).toBe('0:09');
    expect(formatCountdown(-3)).toBe('0:00');
  });
});
