import type pg from 'pg';
import type { Http } from '../http.js';
import { shanghaiToday } from '../random.js';
import { summarise, type Summary } from '../stats.js';

/**
 * Scenario 3: the hazard ledger (GET /api/hazards — a page of 50 and the counts per status),
 * for a user at each level and a village, with the filters people use most, on the first page
 * and on a deep keyset page: the cursor of the row halfway through the filtered ledger.
 */
export interface LedgerScope { level: string; cookie: string; region: string; regionParam?: string }

export const LEDGER_FILTERS: { name: string; query: string; sql: string }[] = [
  { name: 'no filter', query: '', sql: 'true' },
  { name: 'status=rectifying', query: 'status=rectifying', sql: `status = 'rectifying'` },
  // 逾期 as the database defines it (migration 0012c): the check uses the same functions as the app.
  { name: 'overdue', query: 'overdue=true', sql: `hazard_due_by(status, deadline, submitted_at) = 'o' and hazard_past(hazard_due_on(status, deadline, submitted_at), $2::date)` },
  { name: 'level=major', query: 'level=major', sql: `level = 'major'` },
];

export interface LedgerResult { level: string; filter: string; page: 'first' | 'deep'; rows: number; latency: Summary }

/** The keyset cursor the API itself would hand out after row `id` (platform/db/cursor.ts). */
const cursorAfter = (id: string) => Buffer.from(JSON.stringify([id])).toString('base64url');

export async function ledger(o: { http: Http; db: pg.Client; scopes: LedgerScope[]; samples: number; progress: (line: string) => void }): Promise<LedgerResult[]> {
  const today = shanghaiToday();
  const combos: { scope: LedgerScope; filter: (typeof LEDGER_FILTERS)[number]; page: 'first' | 'deep'; url: string; rows: number }[] = [];
  for (const scope of o.scopes) {
    for (const filter of LEDGER_FILTERS) {
      const where = `region_code like $1 and ${filter.sql}`;
      const params = filter.sql.includes('$2') ? [`${scope.region}%`, today] : [`${scope.region}%`];
      const { rows: [count] } = await o.db.query<{ n: string }>(`select count(*) as n from hazards where ${where}`, params);
      const n = Number(count!.n);
      const base = `/api/hazards?limit=50${scope.regionParam ? `&regionCode=${scope.regionParam}` : ''}${filter.query ? `&${filter.query}` : ''}`;
      combos.push({ scope, filter, page: 'first', url: base, rows: n });
      if (n > 100) {
        const { rows: [mid] } = await o.db.query<{ id: string }>(`select id from hazards where ${where} order by id desc offset ${Math.floor(n / 2)} limit 1`, params);
        combos.push({ scope, filter, page: 'deep', url: `${base}&cursor=${cursorAfter(mid!.id)}`, rows: n });
      }
    }
  }
  const samples = new Map<number, number[]>();
  // Interleaved, so no query has the caches to itself.
  for (let s = 0; s < o.samples + 1; s++) {
    for (const [i, c] of combos.entries()) {
      const res = await o.http.get(c.url, c.scope.cookie);
      if (res.status !== 200) throw new Error(`ledger ${c.scope.level} ${c.filter.name}: HTTP ${res.status} ${res.body.slice(0, 300)}`);
      if (s === 0) {
        // The first pass warms and checks: the page holds rows and the counts agree with the database.
        const body = JSON.parse(res.body) as { items: unknown[]; counts: { total: number } };
        if (c.rows > 0 && body.items.length === 0) throw new Error(`ledger ${c.scope.level} ${c.filter.name} ${c.page}: empty page`);
        if (body.counts.total !== c.rows) throw new Error(`ledger ${c.scope.level} ${c.filter.name}: counts.total ${body.counts.total} ≠ ${c.rows}`);
        continue;
      }
      samples.set(i, [...(samples.get(i) ?? []), res.ms]);
    }
  }
  o.progress(`ledger: ${combos.length} queries × ${o.samples}`);
  return combos.map((c, i) => ({ level: c.scope.level, filter: c.filter.name, page: c.page, rows: c.rows, latency: summarise(samples.get(i) ?? []) }));
}
