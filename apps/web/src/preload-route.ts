/*
 * Evaluated first, before React and the application (see main.tsx): starts fetching what the
 * addressed page will need — the session check, the signed-in shell, the landing page — so they
 * arrive while React boots instead of one after the other.
 */
import { preloadable } from './shared/preload';

export const signedInApp = preloadable(() => import('./signed-in-app'));
export const dashboardPage = preloadable(() => import('./features/dashboard/DashboardPage'));

const path = location.pathname;
// Pages outside the signed-in shell: sign-in, activation, the public pages (一公开).
if (!/^\/(login|activate|public)\b/.test(path)) {
  // (The session check was started by the page's first script, first-view/entry.ts.)
  void signedInApp.start();
  // The dashboard, the leaders' desk, is the heaviest page. (The root address lands each desk on
  // its own page, known only from the session: nothing is guessed for it.)
  if (/^\/dashboard\b/.test(path)) void dashboardPage.start();
}
