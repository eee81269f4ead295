/** What a key press on the live view does. Pure, so the mapping is unit-tested. */
export type LiveKeyAction =
  { type: 'scene'; index: number } | { type: 'take' } | { type: 'mute' } | { type: 'privacy' };

export interface KeyFacts {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat: boolean;
  /** The focus is in a text field (input, textarea, select, contenteditable). */
  typing: boolean;
  /** The focus is on a button: Space/Enter press that button, they are not Take. */
  onButton: boolean;
}

export function liveKeyAction(k: KeyFacts): LiveKeyAction | null {
  // Shortcuts of the browser/OS keep working, and a held key does not fire again and again.
  if (k.typing || k.ctrlKey || k.metaKey || k.altKey || k.repeat) return null;
  if (/^[1-9]$/.test(k.key)) return { type: 'scene', index: Number(k.key) - 1 };
  if ((k.key === ' ' || k.key === 'Enter') && !k.onButton) return { type: 'take' };
  if (k.key === 'm' || k.key === 'M') return { type: 'mute' };
  if (k.key === 'p' || k.key === 'P') return { type: 'privacy' };
  return null;
}
