import 'i18next';
import type { Translation } from './resources';

// Typed keys: t('users.create') is checked at compile time against the Chinese table.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
  }
}
