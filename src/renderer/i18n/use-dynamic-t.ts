import { useTranslation } from 'react-i18next';

type DynamicT = (key: string, options?: Record<string, unknown>) => string;

/**
 * `t` for keys built at run time (error codes, step numbers). They come from `errorTextKeys`,
 * which builds them from sv's own keys, so the key check the typed `t` does is done there.
 */
export function useDynamicT(): DynamicT {
  const { t } = useTranslation();
  return t as unknown as DynamicT;
}
