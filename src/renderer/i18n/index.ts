import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/settings';
import { en } from './en';
import { sv } from './sv';

export const defaultLanguage: Language = 'sv';

/** One i18next instance for the window, Swedish until the settings say otherwise. */
export function createI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { sv: { translation: sv }, en: { translation: en } },
    lng: defaultLanguage,
    fallbackLng: defaultLanguage,
    supportedLngs: ['sv', 'en'],
    // The resources are in memory: initialise synchronously so the first render has text.
    initAsync: false,
    // React escapes what it renders; escaping here too would show "&amp;" etc.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** Switches the UI language and tells assistive technology which language it now reads. */
export function applyLanguage(instance: i18n, language: Language): void {
  if (instance.language !== language) void instance.changeLanguage(language);
  document.documentElement.lang = language;
}
