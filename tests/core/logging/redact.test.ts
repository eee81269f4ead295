import { describe, expect, it } from 'vitest';
import { createAppLogger } from '../../../src/core/logging/create-logger';
import { REDACTED, Redactor } from '../../../src/core/logging/redact';

/** Lines written by a logger with one sink that keeps them. */
function capture(): { lines: string[]; log: ReturnType<typeof createAppLogger> } {
  const lines: string[] = [];
  const log = createAppLogger({ scope: 'test', sinks: [(line) => lines.push(line)], now: () => new Date(0) });
  return { lines, log };
}

describe('the logger redacts before writing', () => {
  it.each([
    ['password', { password: 'hunter22' }],
    ['OBS password', { obsPassword: 'hunter22' }],
    ['stream key', { streamKey: 'hunter22' }],
    ['stream_key', { stream_key: 'hunter22' }],
    ['token', { token: 'hunter22' }],
    ['nested key', { destination: { key: 'hunter22' } }],
    ['secret in an array', { items: [{ secret: 'hunter22' }] }],
    ['authorization', { Authorization: 'Bearer hunter22' }],
  ])('never writes a value under a secret key: %s', (_name, data) => {
    const { lines, log } = capture();
    log.warn('saving', data);
    expect(lines.join('')).not.toContain('hunter22');
    expect(lines.join('')).toContain(REDACTED);
  });

  it.each([
    ['Facebook', 'rtmps://live-api-s.facebook.com:443/rtmp/FB-1234567890-0-AbCdEf'],
    ['YouTube', 'rtmp://a.rtmp.youtube.com/live2/abcd-efgh-ijkl-mnop'],
    ['custom', 'rtmp://127.0.0.1:19350/live/test-key-123'],
  ])('cuts the stream key out of an RTMP address: %s', (_name, url) => {
    const { lines, log } = capture();
    const key = url.split('/').pop() ?? '';
    log.error(`OBS could not connect to ${url}`, { server: url });
    const text = lines.join('');
    expect(text).not.toContain(key);
    expect(text).toContain(url.slice(0, url.length - key.length) + REDACTED);
  });

  it('cuts tokens and passwords out of URLs', () => {
    const { lines, log } = capture();
    log.info('Serving at http://127.0.0.1:5000/?token=abcdef123456', { url: 'ws://user:pa55word@obs.local:4455' });
    const text = lines.join('');
    expect(text).not.toContain('abcdef123456');
    expect(text).not.toContain('pa55word');
  });

  it('never writes a secret the app has read or saved, wherever it appears', () => {
    const { lines, log } = capture();
    log.addSecret('s3cr3t-"quoted"-value');
    log.error('OBS said: s3cr3t-"quoted"-value is wrong', { comment: 'was s3cr3t-"quoted"-value', other: 1 });
    const text = lines.join('');
    expect(text).not.toContain('s3cr3t');
    expect(text).toContain('"other":1');
  });

  it('writes ordinary data as it is, one line per entry', () => {
    const { lines, log } = capture();
    log.info('Connected', { address: 'ws://127.0.0.1:4455', author: 'Astrid Lindgren', presetKey: 'story' });
    expect(lines).toEqual([
      '1970-01-01T00:00:00.000Z info [test] Connected {"address":"ws://127.0.0.1:4455","author":"Astrid Lindgren","presetKey":"story"}\n',
    ]);
  });

  it('writes an error with its stack, redacted', () => {
    const { lines, log } = capture();
    log.error('failed', { error: new Error('rtmp://host/app/KEY-999 refused') });
    expect(lines.join('')).toContain('rtmp://host/app/[redacted] refused');
    expect(lines.join('')).not.toContain('KEY-999');
  });

  it('keeps writing to the other sinks when one throws', () => {
    const lines: string[] = [];
    const log = createAppLogger({
      scope: 'test',
      sinks: [
        () => {
          throw new Error('disk full');
        },
        (line) => lines.push(line),
      ],
    });
    log.info('still here');
    expect(lines).toHaveLength(1);
  });

  it('ignores values too short to scrub safely', () => {
    const redactor = new Redactor();
    redactor.addSecret('a');
    expect(redactor.text('a cat')).toBe('a cat');
  });
});
