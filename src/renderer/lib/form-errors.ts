import type { AppError } from '../../shared/errors';

export type ConnectionField = 'address' | 'password' | 'form';

/** Which form field an error from saving (or from the first connect attempt) belongs next to. */
export function fieldOfError(error: AppError): ConnectionField {
  if (error.code === 'OBS_ADDRESS_INVALID' || error.code === 'OBS_ADDRESS_HAS_CREDENTIALS') return 'address';
  if (error.code === 'OBS_AUTH_FAILED' || error.code === 'OBS_PASSWORD_REQUIRED') return 'password';
  if (error.code === 'VALIDATION_FAILED') {
    // The core names the failing path, e.g. "password.value: Too big"; values are never included.
    const details = String(error.params?.details ?? '');
    if (details.startsWith('password')) return 'password';
    if (details.startsWith('address')) return 'address';
  }
  return 'form';
}
