/*
 * The page's only script tag (index.html), evaluated before React, antd and the application:
 * it starts the session check at once, and on the dashboard loads the small painter that draws
 * the first figures as static DOM from the real API (first-view/paint.ts). Then it imports the
 * application (src/main.tsx; its stylesheet is already in the page, vite.config.ts).
 */
import { fetchEarly } from '../shared/api/early';
import { showFirstView } from './hand-over';
import { dashboardRequests } from './requests';

// Run as soon as it arrives (async), perhaps before the document's end: the application
// renders into #root.
const parsed = new Promise<void>((resolve) => {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  else resolve();
});
const application = () => parsed.then(() => import('../main'));
const path = location.pathname;

// Pages outside the signed-in shell: sign-in, activation, the public pages (一公开).
if (!/^\/(login|activate|public)\b/.test(path)) {
  // The session check: the signed-in shell asks for exactly this URL first.
  const me = fetchEarly('/api/auth/me');
  me.catch(() => undefined);
  // The user's own dashboard with the default period, on a desk-sized screen: what a leader
  // opens. Any other address (a drill-down, a period, the 大屏) waits for React as before.
  if (/^\/dashboard\/?$/.test(path) && !location.search && !matchMedia('(max-width: 768px)').matches) {
    // The figures are asked for as soon as the session answers, while the painter's code loads.
    const first = dashboardRequests(me);
    const painted = import('./paint').then(async (m) => {
      const view = await m.paintFirstView(first);
      if (view) showFirstView(view);
    });
    // Compiling and evaluating the application and React's first render are long tasks (about
    // 1.8 s of CPU on a 2-core machine): begun first, they hold the figures' few milliseconds of
    // drawing back by as long (measured: bench/results). At most two seconds, then React
    // regardless (it could show the figures no sooner than these same answers arrive).
    const bound = new Promise((resolve) => setTimeout(resolve, 2000));
    void Promise.race([painted, bound]).catch(() => undefined).then(application);
  } else {
    void application();
  }
} else {
  void application();
}
