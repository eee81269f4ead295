import { describe, expect, it } from 'vitest';
import { appError } from '../../src/shared/errors';
import { fieldOfError } from '../../src/renderer/lib/form-errors';
import { initialPasswordMode, passwordChange } from '../../src/renderer/lib/password-change';

describe('password change', () => {
  it('keeps a saved password unless the user changes or removes it', () => {
    expect(initialPasswordMode(true)).toBe('saved');
    expect(passwordChange('saved', '')).toEqual({ action: 'keep' });
    expect(passwordChange('clear', '')).toEqual({ action: 'clear' });
    expect(passwordChange('edit', 'hemligt')).toEqual({ action: 'set', value: 'hemligt' });
  });

  it('never saves an empty password', () => {
    expect(initialPasswordMode(false)).toBe('edit');
    expect(passwordChange('edit', '')).toEqual({ action: 'keep' });
  });
});

describe('fieldOfError', () => {
  it('puts address and password errors next to their fields', () => {
    expect(fieldOfError(appError('OBS_ADDRESS_INVALID'))).toBe('address');
    expect(fieldOfError(appError('OBS_ADDRESS_HAS_CREDENTIALS'))).toBe('address');
    expect(fieldOfError(appError('OBS_AUTH_FAILED'))).toBe('password');
    expect(fieldOfError(appError('OBS_PASSWORD_REQUIRED'))).toBe('password');
    expect(fieldOfError(appError('VALIDATION_FAILED', { details: 'password.value: Too big' }))).toBe('password');
    expect(fieldOfError(appError('VALIDATION_FAILED', { details: 'address: Too big' }))).toBe('address');
    expect(fieldOfError(appError('OBS_UNREACHABLE'))).toBe('form');
    expect(fieldOfError(appError('STORAGE_WRITE_FAILED'))).toBe('form');
  });
});
