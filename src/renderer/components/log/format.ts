import { formatDuration, formatNumber, localeOf } from '../../../shared/broadcast-log/log-format';

/** Dates, durations and numbers as the UI language writes them. */
export { formatDuration, formatNumber };

export const formatDateTime = (iso: string, language: string): string =>
  new Date(iso).toLocaleString(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' });

export const formatTime = (ms: number, language: string): string =>
  new Date(ms).toLocaleTimeString(localeOf(language), { hour: '2-digit', minute: '2-digit' });
