import type { ErrorCode } from '../../shared/errors';

/** Widens every string leaf to `string`, so `en` must have sv's shape but its own words. */
export type DeepStringify<T> = T extends string ? string : { -readonly [K in keyof T]: DeepStringify<T[K]> };

/** Numbered steps, rendered as an ordered list in key order ("1", "2", ...). */
export type StepList = Record<`${number}`, string>;

/**
 * Text for one error code. `details` are extra sentences, each shown only when the
 * error's param of the same name is set (e.g. `wasStreaming`, `comment`).
 */
export interface ErrorText {
  message: string;
  action: string;
  details?: Record<string, string>;
}

/** Every code in the catalog must have a text: a new code without one fails the type check. */
export type ErrorTexts = Record<ErrorCode, ErrorText>;
