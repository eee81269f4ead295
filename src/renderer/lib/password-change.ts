import type { PasswordChange } from '../../shared/settings';

/**
 * The password part of the connection form. A saved password is never shown: the form
 * only knows it exists, and the user may replace it (`edit`) or remove it (`clear`).
 */
export type PasswordMode = 'saved' | 'edit' | 'clear';

export const initialPasswordMode = (passwordSaved: boolean): PasswordMode => (passwordSaved ? 'saved' : 'edit');

export function passwordChange(mode: PasswordMode, typed: string): PasswordChange {
  if (mode === 'clear') return { action: 'clear' };
  // An empty field changes nothing: it neither saves "" nor removes a saved password.
  if (mode === 'edit' && typed !== '') return { action: 'set', value: typed };
  return { action: 'keep' };
}
