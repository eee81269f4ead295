import { describe, expect, it } from 'vitest';
import {
  classifyConnectFailure,
  classifySessionClose,
  type ConnectFailureFacts,
} from '../../../src/core/obs/connection-errors';
import { isV5Hello } from '../../../src/core/obs/obs-session';
import { backoffDelay } from '../../../src/core/obs/reconnect-backoff';

const address = 'ws://127.0.0.1:4455';
const facts = (over: Partial<ConnectFailureFacts>): ConnectFailureFacts => ({
  address,
  code: null,
  message: '',
  socketOpened: false,
  helloReceived: false,
  authRequired: false,
  passwordGiven: true,
  timedOut: false,
  helloMalformed: false,
  ...over,
});

describe('classifyConnectFailure', () => {
  it('nothing listening: unreachable, keep trying', () => {
    for (const message of [
      'connect ECONNREFUSED 127.0.0.1:4455',
      'getaddrinfo ENOTFOUND obs.invalid',
      'connect EHOSTUNREACH 10.0.0.9:4455',
      'socket hang up',
    ]) {
      expect(classifyConnectFailure(facts({ code: -1, message }))).toEqual({
        error: { code: 'OBS_UNREACHABLE', params: { address } },
        retry: true,
      });
    }
  });

  it('4009 with a password: wrong password, stop', () => {
    expect(
      classifyConnectFailure(facts({ code: 4009, socketOpened: true, helloReceived: true, authRequired: true })),
    ).toEqual({
      error: { code: 'OBS_AUTH_FAILED' },
      retry: false,
    });
  });

  it('4009 without a password while OBS asked for one: password required, stop', () => {
    expect(
      classifyConnectFailure(facts({ code: 4009, helloReceived: true, authRequired: true, passwordGiven: false })),
    ).toEqual({ error: { code: 'OBS_PASSWORD_REQUIRED' }, retry: false });
  });

  it('4010 and servers that are not obs-websocket v5: not v5, stop', () => {
    const notV5 = { error: { code: 'OBS_NOT_V5', params: { address } }, retry: false };
    expect(classifyConnectFailure(facts({ code: 4010 }))).toEqual(notV5);
    expect(classifyConnectFailure(facts({ code: -1, message: 'Server sent no subprotocol' }))).toEqual(notV5);
    expect(classifyConnectFailure(facts({ code: -1, message: 'Unexpected server response: 404' }))).toEqual(notV5);
    expect(classifyConnectFailure(facts({ timedOut: true, socketOpened: true }))).toEqual(notV5);
    expect(classifyConnectFailure(facts({ code: 1006, socketOpened: true, helloMalformed: true }))).toEqual(notV5);
  });

  it('a timeout before the socket opened: maybe OBS is starting, keep trying', () => {
    expect(classifyConnectFailure(facts({ timedOut: true }))).toMatchObject({
      error: { code: 'OBS_UNREACHABLE' },
      retry: true,
    });
  });

  it('4011 kicked and 4002-4008/4012 protocol errors: stop', () => {
    expect(classifyConnectFailure(facts({ code: 4011 }))).toEqual({ error: { code: 'OBS_KICKED' }, retry: false });
    for (const code of [4002, 4005, 4008, 4012]) {
      expect(classifyConnectFailure(facts({ code }))).toEqual({
        error: { code: 'OBS_PROTOCOL_ERROR', params: { code } },
        retry: false,
      });
    }
  });

  it('other closes during the handshake (OBS quitting): keep trying', () => {
    expect(classifyConnectFailure(facts({ code: 1001, socketOpened: true, helloReceived: true }))).toMatchObject({
      error: { code: 'OBS_UNREACHABLE' },
      retry: true,
    });
  });
});

describe('classifySessionClose', () => {
  const close = (code: number, wasStreaming = false, wasRecording = false) =>
    classifySessionClose({ address, code, wasStreaming, wasRecording });

  it('a drop says whether OBS was live, and is retried', () => {
    expect(close(1006, true, false)).toEqual({
      error: { code: 'OBS_CONNECTION_LOST', params: { wasStreaming: true, wasRecording: false } },
      retry: true,
    });
    expect(close(1001, false, true)).toMatchObject({ error: { params: { wasRecording: true } }, retry: true });
  });

  it('a kick is final until the user acts', () => {
    expect(close(4011, true)).toEqual({ error: { code: 'OBS_KICKED' }, retry: false });
  });

  it('a protocol error mid-session is retried with a fresh session', () => {
    expect(close(4007)).toEqual({ error: { code: 'OBS_PROTOCOL_ERROR', params: { code: 4007 } }, retry: true });
  });
});

describe('backoffDelay', () => {
  it('doubles from 250 ms and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map((n) => backoffDelay(n, 2000))).toEqual([250, 500, 1000, 2000, 2000, 2000, 2000]);
    expect(backoffDelay(3, 600)).toBe(600);
    expect(backoffDelay(1, 100)).toBe(100);
  });
});

describe('isV5Hello', () => {
  it('accepts what obs-websocket 5.x sends, with or without authentication', () => {
    expect(isV5Hello({ obsWebSocketVersion: '5.1.0', rpcVersion: 1 })).toBe(true);
    expect(
      isV5Hello({ obsWebSocketVersion: '5.1.0', rpcVersion: 1, authentication: { challenge: 'c', salt: 's' } }),
    ).toBe(true);
  });

  it('refuses anything else', () => {
    for (const hello of [
      null,
      'hello',
      { greeting: 'hello', version: 4 },
      { obsWebSocketVersion: '5.1.0' },
      { obsWebSocketVersion: '5.1.0', rpcVersion: 0 },
      { obsWebSocketVersion: 5, rpcVersion: 1 },
      { obsWebSocketVersion: '5.1.0', rpcVersion: 1, authentication: { challenge: 'c' } },
    ]) {
      expect(isV5Hello(hello)).toBe(false);
    }
  });
});
