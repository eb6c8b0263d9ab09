import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let proxied: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  proxied = await createTestApp({ env: { ANJIAN_TRUST_PROXY: '1' } });
});
afterAll(async () => {
  await t?.close();
  await proxied?.close();
});

function directives(csp: unknown): Map<string, string> {
  expect(typeof csp).toBe('string');
  return new Map((csp as string).split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name!, values.join(' ')];
  }));
}

describe('security headers', () => {
  it.each([
    ['an API answer', '/api/health', 200],
    ['an error answer', '/api/auth/me', 401],
    ['an unknown path', '/api/nothing-here', 404],
    ['the API docs', '/api/docs', 200],
  ])('on %s', async (_name, url, status) => {
    const res = await t.request({ method: 'GET', url });
    expect(res.statusCode).toBe(status);
    const csp = directives(res.headers['content-security-policy']);
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'");
    // antd's CSS-in-JS writes <style> elements and style attributes.
    expect(csp.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS only over TLS: behind a trusted proxy that says https', async () => {
    const https = await proxied.request({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(directives(https.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(true);
    const http = await proxied.request({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'http' } });
    expect(http.headers['strict-transport-security']).toBeUndefined();
    // Without ANJIAN_TRUST_PROXY anyone can send the header; it is not believed.
    const spoofed = await t.request({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
  });
});
