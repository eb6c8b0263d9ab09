import i18n from 'i18next';
import { LANGUAGES } from './define';
import { translation } from './modules';

/**
 * Adds every module's strings to i18next. Imported by the signed-in app's entry, so they are
 * in place before any of its pages renders.
 */
for (const language of LANGUAGES) i18n.addResourceBundle(language, 'translation', translation(language), true, true);
