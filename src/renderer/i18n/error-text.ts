import type { AppError, ErrorCode } from '../../shared/errors';
import { sv, type StepListName } from './sv';

/** Codes whose action is followed by numbered steps in the user's own OBS. */
const stepsFor: Partial<Record<ErrorCode, StepListName>> = {
  OBS_UNREACHABLE: 'enableWebsocket',
  OBS_PASSWORD_REQUIRED: 'copyPassword',
  OBS_AUTH_FAILED: 'copyPassword',
};

type Params = Record<string, string | number | boolean>;

/** The i18n keys (and interpolation values) that describe one error; pure, so it is unit-tested. */
export interface ErrorTextKeys {
  message: string;
  action: string;
  /** Extra sentences for params that are set, e.g. "OBS was live at that moment". */
  details: string[];
  steps: string[];
  params: Params;
}

export function errorTextKeys(error: AppError, fallbackParams: Params = {}): ErrorTextKeys {
  const base = `errors.${error.code}`;
  const params: Params = { ...fallbackParams, ...error.params };
  const text = sv.errors[error.code];
  const detailNames = 'details' in text ? Object.keys(text.details) : [];
  const stepList = stepsFor[error.code];
  return {
    message: `${base}.message`,
    action: `${base}.action`,
    // A detail shows only when its param is truthy: `wasStreaming: false` says nothing.
    details: detailNames.filter((name) => Boolean(params[name])).map((name) => `${base}.details.${name}`),
    // sv's keys are the reference; en is type-checked to have the same ones.
    steps: stepList
      ? Object.keys(sv.steps[stepList])
          .sort((a, b) => Number(a) - Number(b))
          .map((n) => `steps.${stepList}.${n}`)
      : [],
    params,
  };
}
