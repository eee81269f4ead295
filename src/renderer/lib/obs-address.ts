/**
 * Light checks before an address is saved, for instant feedback next to the field.
 * The core validates again; this only catches what is plainly wrong.
 */

/** Adds the `ws://` people often leave out ("127.0.0.1:4455") and trims spaces. */
export function normalizeObsAddress(input: string): string {
  const trimmed = input.trim();
  if (trimmed === '' || trimmed.includes('://')) return trimmed;
  return `ws://${trimmed}`;
}

export function isPlausibleObsAddress(address: string): boolean {
  try {
    const url = new URL(address);
    return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname !== '';
  } catch {
    return false;
  }
}
