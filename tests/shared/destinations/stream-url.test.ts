import { describe, expect, it } from 'vitest';
import {
  ServerUrlSchema,
  StreamKeySchema,
  DestinationInputSchema,
} from '../../../src/shared/destinations/destination-schema';
import { maxVideoKbps, platforms } from '../../../src/shared/destinations/platforms';
import { cleanStreamKey, splitServerAndKey } from '../../../src/shared/destinations/stream-url';

describe('cleanStreamKey', () => {
  it('drops spaces, tabs and line breaks pasted with a key', () => {
    expect(cleanStreamKey('  abcd-efgh-ijkl \n')).toBe('abcd-efgh-ijkl');
    expect(cleanStreamKey('FB-123\r\n-0-Ab\t')).toBe('FB-123-0-Ab');
  });
});

describe('splitServerAndKey', () => {
  it.each([
    [
      'rtmps://a.rtmps.youtube.com/live2/abcd-efgh-ijkl-mnop',
      'rtmps://a.rtmps.youtube.com/live2',
      'abcd-efgh-ijkl-mnop',
    ],
    ['rtmps://a.rtmps.youtube.com:443/live2/abcd-efgh', 'rtmps://a.rtmps.youtube.com:443/live2', 'abcd-efgh'],
    [
      'rtmps://rtmp-api.facebook.com:443/rtmp/FB-1234-0-AbCd',
      'rtmps://rtmp-api.facebook.com:443/rtmp/',
      'FB-1234-0-AbCd',
    ],
    ['rtmp://127.0.0.1:19350/live/test-key', 'rtmp://127.0.0.1:19350/live', 'test-key'],
    ['  rtmp://ingest.example.org/app/room/secret \n', 'rtmp://ingest.example.org/app/room', 'secret'],
  ])('splits %s', (raw, server, key) => {
    expect(splitServerAndKey(raw)).toEqual({ server, key });
  });

  it.each([
    'rtmps://a.rtmps.youtube.com:443/live2',
    'rtmps://rtmp-api.facebook.com:443/rtmp/',
    'rtmps://b.rtmps.youtube.com:443/live2?backup=1',
    'rtmp://127.0.0.1:19350/live',
    'not a url',
  ])('leaves a plain server alone: %s', (raw) => {
    expect(splitServerAndKey(raw).key).toBeNull();
  });
});

describe('validation', () => {
  it('accepts rtmp and rtmps servers only, without control characters', () => {
    expect(ServerUrlSchema.safeParse(platforms.facebook.server).success).toBe(true);
    expect(ServerUrlSchema.safeParse(platforms.youtube.backupServer).success).toBe(true);
    for (const bad of [
      'http://example.org/live',
      'rtmp://',
      'ftp://x/y',
      'rtmp://host/live\u0007',
      '',
      'rtmp://' + 'a'.repeat(3000),
    ]) {
      expect(ServerUrlSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('accepts printable keys without spaces', () => {
    expect(StreamKeySchema.safeParse('abcd-efgh-ijkl-mnop').success).toBe(true);
    for (const bad of ['', 'a b', 'a\u0000b', 'å', 'x'.repeat(513)])
      expect(StreamKeySchema.safeParse(bad).success).toBe(false);
  });

  it('refuses names with control characters or that are blank', () => {
    const base = { platform: 'custom', server: 'rtmp://h/live', key: { kind: 'keep' } };
    expect(DestinationInputSchema.safeParse({ ...base, name: 'Stadsbiblioteket – Facebook' }).success).toBe(true);
    expect(DestinationInputSchema.safeParse({ ...base, name: '   ' }).success).toBe(false);
    expect(DestinationInputSchema.safeParse({ ...base, name: 'a\nb' }).success).toBe(false);
  });
});

describe('platform limits', () => {
  it('gives Facebook its limits per resolution and frame rate', () => {
    expect(maxVideoKbps('facebook', 1080, 30)).toBe(6000);
    expect(maxVideoKbps('facebook', 1080, 60)).toBe(9000);
    expect(maxVideoKbps('facebook', 720, 30)).toBe(4000);
    expect(maxVideoKbps('facebook', 480, 30)).toBe(2000);
    expect(maxVideoKbps('facebook', 360, 30)).toBe(1000);
    expect(platforms.facebook.maxAudioKbps).toBe(128);
  });
  it('gives YouTube its upper bound, custom none, and 2 s keyframes everywhere', () => {
    expect(maxVideoKbps('youtube', 1080, 30)).toBe(8000);
    expect(maxVideoKbps('custom', 1080, 30)).toBeNull();
    for (const p of Object.values(platforms)) expect(p.keyframeSec).toBe(2);
    expect(platforms.youtube.server).toBe('rtmps://a.rtmps.youtube.com:443/live2');
    expect(platforms.youtube.backupServer).toBe('rtmps://b.rtmps.youtube.com:443/live2?backup=1');
  });
});
