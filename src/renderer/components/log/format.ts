/** Dates and durations as the UI language writes them. */
export const formatDateTime = (iso: string, language: string): string =>
  new Date(iso).toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

export const formatTime = (ms: number, language: string): string =>
  new Date(ms).toLocaleTimeString(language === 'sv' ? 'sv-SE' : 'en-GB', { hour: '2-digit', minute: '2-digit' });

export const minutes = (sec: number | null): number => Math.round((sec ?? 0) / 60);
