import type { Readable } from 'node:stream';

/** A small HTTP client for the scenarios: sign in, then timed requests on a kept-alive connection. */
export interface Timed { status: number; ms: number; body: string }

export class Http {
  constructor(readonly base: string) {}

  async login(username: string, password: string): Promise<string> {
    const res = await fetch(`${this.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('anjian_session='));
    if (!cookie) throw new Error(`login ${username}: no session cookie`);
    return cookie;
  }

  async request(method: string, path: string, cookie: string | null, body?: RequestInit['body'] | Readable, headers: Record<string, string> = {}): Promise<Timed> {
    const started = performance.now();
    const res = await fetch(`${this.base}${path}`, {
      method, body, headers: { ...(cookie ? { cookie } : {}), ...headers },
      // A streamed body (the import's CSV) must say so.
      ...(body && typeof body === 'object' && Symbol.asyncIterator in body ? { duplex: 'half' } : {}),
    } as RequestInit);
    const text = await res.text();
    return { status: res.status, ms: performance.now() - started, body: text };
  }

  get(path: string, cookie: string): Promise<Timed> {
    return this.request('GET', path, cookie);
  }
}

/** Fails loudly: a benchmark of error pages would measure nothing. */
export function ok(r: Timed, what: string, expected = 200): Timed {
  if (r.status !== expected) throw new Error(`${what}: HTTP ${r.status} ${r.body.slice(0, 500)}`);
  return r;
}
