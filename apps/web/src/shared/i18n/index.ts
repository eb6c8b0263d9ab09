import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from './define';
import { resources } from './resources';

export { defineMessages, type Language } from './define';

const STORAGE_KEY = 'anjian.language';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (value && (LANGUAGES as readonly string[]).includes(value)) return value as Language;
  } catch {
    // Storage can be blocked (private mode, policies); Chinese is the default anyway.
  }
  return 'zh-CN';
}

const initial = storedLanguage();
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

export function currentLanguage(): Language {
  return i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
}

export function setLanguage(language: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisted, but the switch still applies to this page.
  }
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

/** The current language, re-rendering on change, and a picker for bilingual domain data. */
export function useLanguage() {
  const { i18n: instance } = useTranslation();
  const language: Language = instance.language === 'en-US' ? 'en-US' : 'zh-CN';
  const pick = (text: { zh: string; en: string }) => (language === 'en-US' ? text.en : text.zh);
  return { language, pick, setLanguage };
}

export default i18n;
