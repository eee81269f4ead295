import { describe, expect, it } from 'vitest';
import { appError, errorCodes } from '../../src/shared/errors';
import { errorTextKeys } from '../../src/renderer/i18n/error-text';
import { en } from '../../src/renderer/i18n/en';
import { sv } from '../../src/renderer/i18n/sv';

/** Looks a dotted key up in a message tree, as i18next does. */
const lookup = (tree: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

describe('errorTextKeys', () => {
  it('points at texts that exist in both languages for every code', () => {
    for (const code of errorCodes) {
      const keys = errorTextKeys(appError(code, { wasStreaming: true, wasRecording: true, comment: 'x' }));
      for (const key of [keys.message, keys.action, ...keys.details, ...keys.steps]) {
        expect(typeof lookup(sv, key), `sv ${key}`).toBe('string');
        expect(typeof lookup(en, key), `en ${key}`).toBe('string');
      }
    }
  });

  it('lists the steps to enable the WebSocket server, in order, for OBS_UNREACHABLE', () => {
    const keys = errorTextKeys(appError('OBS_UNREACHABLE', { address: 'ws://127.0.0.1:4455' }));
    expect(keys.steps).toEqual(['steps.enableWebsocket.1', 'steps.enableWebsocket.2', 'steps.enableWebsocket.3']);
    expect(keys.params).toEqual({ address: 'ws://127.0.0.1:4455' });
  });

  it('says OBS was live only when the connection was lost during a stream', () => {
    const live = errorTextKeys(appError('OBS_CONNECTION_LOST', { wasStreaming: true, wasRecording: false }));
    expect(live.details).toEqual(['errors.OBS_CONNECTION_LOST.details.wasStreaming']);
    const quiet = errorTextKeys(appError('OBS_CONNECTION_LOST', { wasStreaming: false, wasRecording: false }));
    expect(quiet.details).toEqual([]);
  });

  it('fills a missing address from the fallback, but the error’s own params win', () => {
    expect(errorTextKeys(appError('OBS_NOT_V5'), { address: 'ws://a:1' }).params).toEqual({ address: 'ws://a:1' });
    expect(errorTextKeys(appError('OBS_NOT_V5', { address: 'ws://b:2' }), { address: 'ws://a:1' }).params).toEqual({
      address: 'ws://b:2',
    });
  });
});
