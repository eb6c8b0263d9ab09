import type { Http } from '../http.js';
import { summarise, type Summary } from '../stats.js';

/**
 * Scenario 2: the dashboards' statistics for the province, a city, a county and a township,
 * this year (to date) and last year, warm and cold. The endpoints are data: a new dashboard
 * endpoint is one line here; one the server does not have (404) is reported as absent.
 *
 * Cold means: the first request for that figure after a restart of the server process — a
 * new Node process (nothing compiled, an empty connection pool) and a new PostgreSQL server
 * (empty shared buffers). The operating system's page cache stays warm: dropping it needs
 * root and would disturb everything else on a shared machine, so "cold" here is a restart,
 * not a reboot.
 */
export interface DashboardEndpoint { name: string; path: string; query: (region: string, period: 'this year' | 'last year', year: number) => string }

const statsPeriod = (region: string, period: string, year: number) => (period === 'this year' ? `regionCode=${region}&period=ytd` : `regionCode=${region}&period=year&year=${year - 1}`);
const yearOnly = (region: string, period: string, year: number) => `regionCode=${region}&year=${period === 'this year' ? year : year - 1}`;

export const DASHBOARD_ENDPOINTS: DashboardEndpoint[] = [
  { name: 'accident statistics', path: '/api/stats/accidents', query: statsPeriod },
  { name: 'accident trend', path: '/api/stats/accidents/trend', query: yearOnly },
  { name: 'control indicators', path: '/api/indicators', query: yearOnly },
  { name: 'hazard statistics', path: '/api/stats/hazards', query: statsPeriod },
];

export const LEVELS = ['province', 'city', 'county', 'township'] as const;
/** Warm sampling time per endpoint and level, after the first three samples. */
const WARM_BUDGET_MS = 20_000;
export type Level = (typeof LEVELS)[number];
const PERIODS = ['this year', 'last year'] as const;

export interface DashboardResult {
  endpoint: string;
  level: Level;
  /** Target p95 for the level (ms): 100 above county level, 30 at county level and below. */
  target: number;
  cold: Summary;
  warm: Summary;
}

export async function dashboards(o: {
  regions: Record<Level, string>;
  samples: number;
  coldRounds: number;
  /** Restarts the server; returns the client and a session for the province account. */
  restart: () => Promise<{ http: Http; cookie: string }>;
  progress: (line: string) => void;
}): Promise<{ results: DashboardResult[]; absent: string[] }> {
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  const cold = new Map<string, number[]>();
  const warm = new Map<string, number[]>();
  const absent = new Set<string>();
  const combos = DASHBOARD_ENDPOINTS.flatMap((e) => LEVELS.flatMap((level) => PERIODS.map((period) => ({ e, level, period }))));
  const push = (map: Map<string, number[]>, key: string, ms: number) => map.set(key, [...(map.get(key) ?? []), ms]);
  let client: { http: Http; cookie: string } | null = null;
  for (let round = 0; round < o.coldRounds; round++) {
    client = await o.restart();
    for (const { e, level, period } of combos) {
      if (absent.has(e.name)) continue;
      const res = await client.http.get(`${e.path}?${e.query(o.regions[level], period, year)}`, client.cookie);
      if (res.status === 404 && res.body.includes('ROUTE_NOT_FOUND')) { absent.add(e.name); continue; }
      if (res.status !== 200) throw new Error(`${e.name} ${level} ${period}: HTTP ${res.status} ${res.body.slice(0, 300)}`);
      push(cold, `${e.name}|${level}`, res.ms);
    }
    o.progress(`dashboards: cold round ${round + 1}/${o.coldRounds}`);
  }
  // A figure that takes seconds gets fewer warm samples (at least three): the run stays bounded.
  const spent = new Map<string, number>();
  for (let s = 0; s < o.samples; s++) {
    for (const { e, level, period } of combos) {
      const key = `${e.name}|${level}`;
      if (absent.has(e.name) || (s >= 3 && (spent.get(key) ?? 0) > WARM_BUDGET_MS)) continue;
      const res = await client!.http.get(`${e.path}?${e.query(o.regions[level], period, year)}`, client!.cookie);
      if (res.status !== 200) throw new Error(`${e.name} ${level} ${period}: HTTP ${res.status}`);
      push(warm, key, res.ms);
      spent.set(key, (spent.get(key) ?? 0) + res.ms);
    }
  }
  const results: DashboardResult[] = [];
  for (const e of DASHBOARD_ENDPOINTS) {
    if (absent.has(e.name)) continue;
    for (const level of LEVELS) {
      const key = `${e.name}|${level}`;
      results.push({ endpoint: e.name, level, target: level === 'county' || level === 'township' ? 30 : 100, cold: summarise(cold.get(key) ?? []), warm: summarise(warm.get(key) ?? []) });
    }
  }
  return { results, absent: [...absent] };
}
