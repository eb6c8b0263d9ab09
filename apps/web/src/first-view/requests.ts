/*
 * The dashboard's first requests, started from the page's first script (entry.ts) the moment the
 * session answers — not after the painter's code has arrived — so the figures' answers travel
 * while the painter loads. Exactly the URLs request() builds for DashboardView's queries, so
 * React takes these answers (shared/api/early.ts).
 */
import { fetchEarly } from '../shared/api/early';

interface Me {
  org: { regionCode: string };
  permissions: string[];
  mustChangePassword: boolean;
}

export interface FirstRequests {
  code: string;
  stats: Promise<Response>;
  ancestors: Promise<Response>;
}

/** null where React is to answer: not signed in, a password to change, no figures to show. */
export async function dashboardRequests(meResponse: Promise<Response>): Promise<FirstRequests | null> {
  const answer = await meResponse.catch(() => null);
  if (!answer?.ok) return null;
  const me = (await answer.clone().json()) as Me;
  if (me.mustChangePassword || !me.permissions.includes('stats.read')) return null;
  const code = me.org.regionCode;
  const query = new URLSearchParams({ regionCode: code, period: 'ytd' }).toString();
  const requests = { code, stats: fetchEarly(`/api/stats/accidents?${query}`), ancestors: fetchEarly(`/api/regions/${code}/ancestors`) };
  void fetchEarly(`/api/stats/hazards?${query}`).catch(() => undefined);
  return requests;
}
