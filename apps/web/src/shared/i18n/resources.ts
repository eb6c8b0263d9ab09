import { authMessages } from '../../features/auth/auth.messages';
import { layoutMessages } from '../layout/layout.messages';
import { commonMessages } from './common.messages';
import type { Language } from './define';

export type { Translation } from './modules';

/**
 * What the sign-in page needs at start. Every other module's strings come with the signed-in
 * app (all-messages.ts), so the first page a user opens does not download the whole UI's text.
 */
const startup = { common: commonMessages, layout: layoutMessages, auth: authMessages };

function startupTable(language: Language) {
  return Object.fromEntries(Object.entries(startup).map(([name, messages]) => [name, messages[language]]));
}

export const resources = {
  'zh-CN': { translation: startupTable('zh-CN') },
  'en-US': { translation: startupTable('en-US') },
};
