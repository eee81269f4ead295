import { formatDuration, formatNumber, localeOf } from '../../../shared/broadcast-log/log-format';

/** Dates, durations and numbers as the UI language writes them. */
export { formatDuration, formatNumber };

export const formatDateTime = (iso: string, language: string): string =>
  new Date(iso).toLocaleString(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' });

export const formatTime = (ms: number, language: string): string =>
  new Date(ms).toLocaleTimeString(localeOf(language), { hour: '2-digit', minute: '2-digit' });

/** A calendar day ("2026-12-02") as the UI language writes it, e.g. "2 dec. 2026". */
export const formatDay = (day: string, language: string): string =>
  new Date(`${day}T12:00:00`).toLocaleDateString(localeOf(language), { dateStyle: 'medium' });
