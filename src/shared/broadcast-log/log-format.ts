/**
 * Durations, numbers and times of the broadcast log as a person reads them, in the UI's language:
 * pure functions shared by the UI and the CSV export (built in the core).
 */
export type LogLanguage = 'sv' | 'en';

export const logLanguage = (language: string | undefined): LogLanguage => (language === 'en' ? 'en' : 'sv');

export const localeOf = (language: string | undefined): string => (logLanguage(language) === 'sv' ? 'sv-SE' : 'en-GB');

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * "45 s" under a minute, "12 min 05 s" under an hour, "1 tim 02 min" (en: "1 h 02 min") beyond:
 * a short broadcast is never "0 min".
 */
export function formatDuration(sec: number | null | undefined, language: string): string {
  if (sec == null || !Number.isFinite(sec) || sec < 0) return '–';
  const total = Math.round(sec);
  if (total < 60) return `${total} s`;
  if (total < 3600) return `${Math.floor(total / 60)} min ${two(total % 60)} s`;
  const minutes = Math.round(total / 60);
  const hour = logLanguage(language) === 'sv' ? 'tim' : 'h';
  return `${Math.floor(minutes / 60)} ${hour} ${two(minutes % 60)} min`;
}

/** 0.5 → "0,5" in Swedish, "0.5" in English; thousands grouped as each language does. */
export function formatNumber(value: number | null | undefined, language: string, maxFractionDigits = 1): string {
  if (value == null || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: maxFractionDigits }).format(value);
}

/** Whether a time zone name is one this runtime knows ("Europe/Stockholm"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const partsFormat = new Map<string, Intl.DateTimeFormat>();

function parts(iso: string, timeZone: string | undefined): Record<string, string> {
  const key = timeZone ?? '';
  let format = partsFormat.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partsFormat.set(key, format);
  }
  return Object.fromEntries(format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
}

/** "2026-12-02 10:03:05" in the given zone (the computer's when none): a form Excel reads as a date. */
export function localDateTime(iso: string, timeZone?: string): string {
  const p = parts(iso, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** The day ("2026-12-02") of an instant in the given zone. */
export function localDay(iso: string, timeZone?: string): string {
  const p = parts(iso, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}
