import { defineMessages } from '../shared/i18n/define';

/**
 * The shell's two words the first view shows, as common.messages.ts (appName) and
 * layout.messages.ts (navigation) say them: those tables live in the application's own files,
 * which the first view must not load. The first-view e2e test compares the markup with React's.
 */
export const firstViewMessages = defineMessages({ appName: '安监', navigation: '功能导航' }, { appName: 'Anjian', navigation: 'Navigation' });
