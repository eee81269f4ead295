import { describe, expect, it } from 'vitest';
import { liveKeyAction, type KeyFacts } from '../../../src/shared/live/live-keys';

const key = (k: string, more: Partial<KeyFacts> = {}): KeyFacts => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  repeat: false,
  typing: false,
  onButton: false,
  ...more,
});

describe('live keyboard mapping', () => {
  it('maps 1–9, Space/Enter, M and P', () => {
    expect(liveKeyAction(key('1'))).toEqual({ type: 'scene', index: 0 });
    expect(liveKeyAction(key('9'))).toEqual({ type: 'scene', index: 8 });
    expect(liveKeyAction(key('0'))).toBeNull();
    expect(liveKeyAction(key(' '))).toEqual({ type: 'take' });
    expect(liveKeyAction(key('Enter'))).toEqual({ type: 'take' });
    expect(liveKeyAction(key('m'))).toEqual({ type: 'mute' });
    expect(liveKeyAction(key('M'))).toEqual({ type: 'mute' });
    expect(liveKeyAction(key('p'))).toEqual({ type: 'privacy' });
  });

  it('is silent while typing, with modifiers, on key repeat, and lets buttons have Space/Enter', () => {
    expect(liveKeyAction(key('1', { typing: true }))).toBeNull();
    expect(liveKeyAction(key('m', { typing: true }))).toBeNull();
    expect(liveKeyAction(key('p', { ctrlKey: true }))).toBeNull();
    expect(liveKeyAction(key('1', { metaKey: true }))).toBeNull();
    expect(liveKeyAction(key('m', { repeat: true }))).toBeNull();
    expect(liveKeyAction(key(' ', { onButton: true }))).toBeNull();
    expect(liveKeyAction(key('2', { onButton: true }))).toEqual({ type: 'scene', index: 1 });
  });
});
