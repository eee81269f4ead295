import 'i18next';
import type { Messages } from './sv';

// Typed keys: `t('status.connectd')` fails the type check.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
