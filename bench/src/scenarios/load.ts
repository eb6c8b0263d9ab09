import autocannon from 'autocannon';
import { summarise, type Summary } from '../stats.js';

/**
 * Scenario 4: HTTP under load on loopback, 50 connections, a fixed time each: the baseline
 * (one bare INSERT, POST /api/bench/baseline, same process, same pool), create hazard, list
 * the ledger, open the dashboard, accept a hazard (a signature: the acceptor's password is
 * verified with argon2 on every request, by design). Latencies are taken per response, so
 * p95 is a real percentile; throughput counts successful responses over the wall time.
 * The server's RSS is sampled every 100 ms throughout (scenario 5).
 */
export interface LoadTest {
  name: string;
  requests: { method: string; path: string; body?: string; cookie?: string }[];
  /** Per-request paths (accept: each request a different hazard); null when the supply runs out. */
  nextPath?: () => string | null;
}

export interface LoadResult {
  name: string;
  connections: number;
  seconds: number;
  ok: number;
  failed: number;
  perSecond: number;
  latency: Summary;
  rssPeakMb: number;
  statuses: Record<string, number>;
  /** The accept test's supply of hazards ran out before the time did. */
  exhausted: boolean;
}

export async function runLoad(o: { url: string; test: LoadTest; connections: number; duration: number; rss: () => number }): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let ok = 0, failed = 0, rssPeak = o.rss(), exhausted = false;
  const sampler = setInterval(() => { rssPeak = Math.max(rssPeak, o.rss()); }, 100);
  const started = performance.now();
  const instance = autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.duration,
    timeout: 30,
    requests: o.test.requests.map((r) => ({
      method: r.method,
      path: r.path,
      headers: { ...(r.cookie ? { cookie: r.cookie } : {}), ...(r.body ? { 'content-type': 'application/json' } : {}) },
      ...(r.body ? { body: r.body } : {}),
      ...(o.test.nextPath ? { setupRequest: (req) => {
        const path = o.test.nextPath!();
        if (path) return { ...req, path };
        // The supply ran out before the time did: end the test rather than measure something else.
        if (!exhausted) { exhausted = true; setImmediate(() => instance.stop()); }
        return { ...req, path: '/api/health', method: 'GET', body: undefined } as never;
      } } : {}),
    })),
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (exhausted) return;
    if (status >= 200 && status < 300) { ok++; latencies.push(ms); } else failed++;
  });
  const result = await instance;
  clearInterval(sampler);
  const wall = performance.now() - started;
  return {
    name: o.test.name,
    connections: o.connections,
    seconds: Math.round(wall / 100) / 10,
    ok,
    failed: failed + result.errors + result.timeouts,
    perSecond: Math.round((ok / wall) * 1000 * 10) / 10,
    latency: summarise(latencies),
    rssPeakMb: rssPeak,
    statuses,
    exhausted,
  };
}
