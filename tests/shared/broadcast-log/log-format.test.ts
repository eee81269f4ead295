import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatNumber,
  isTimeZone,
  localDateTime,
  localDay,
} from '../../../src/shared/broadcast-log/log-format';

describe('the log in words: durations, numbers, local times', () => {
  it('says durations with seconds under a minute, never "0 min"', () => {
    expect(formatDuration(0, 'sv')).toBe('0 s');
    expect(formatDuration(45, 'sv')).toBe('45 s');
    expect(formatDuration(59.6, 'sv')).toBe('1 min 00 s');
    expect(formatDuration(65, 'sv')).toBe('1 min 05 s');
    expect(formatDuration(45 * 60 + 7, 'en')).toBe('45 min 07 s');
    expect(formatDuration(3600 + 2 * 60 + 20, 'sv')).toBe('1 tim 02 min');
    expect(formatDuration(2 * 3600 + 30 * 60, 'en')).toBe('2 h 30 min');
    expect(formatDuration(null, 'sv')).toBe('–');
  });

  it('writes numbers in the UI language: a decimal comma in Swedish, a point in English', () => {
    expect(formatNumber(0.5, 'sv')).toBe('0,5');
    expect(formatNumber(0.5, 'en')).toBe('0.5');
    expect(formatNumber(57.333, 'sv')).toBe('57,3');
    expect(formatNumber(2, 'sv')).toBe('2');
    // Thousands grouped with a (no-break) space in Swedish, a comma in English.
    expect(formatNumber(5338, 'sv', 0)).toMatch(/^5\s338$/u);
    expect(formatNumber(5338, 'en', 0)).toBe('5,338');
    expect(formatNumber(null, 'sv')).toBe('–');
  });

  it('gives times and days in a time zone', () => {
    expect(localDateTime('2026-07-01T22:30:00.000Z', 'Europe/Stockholm')).toBe('2026-07-02 00:30:00');
    expect(localDay('2026-07-01T22:30:00.000Z', 'Europe/Stockholm')).toBe('2026-07-02');
    expect(localDay('2026-07-01T22:30:00.000Z', 'UTC')).toBe('2026-07-01');
    expect(isTimeZone('Europe/Stockholm')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
