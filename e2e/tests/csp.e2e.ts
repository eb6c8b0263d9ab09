import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launch, newPage, signIn } from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/**
 * Everything the browser refused under the Content-Security-Policy: the DOM's
 * securitypolicyviolation events (recorded from the first script on) and console reports.
 */
async function watch(context: BrowserContext, page: Page): Promise<() => Promise<string[]>> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) console.push(m.text());
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []))];
}

describe('the Content-Security-Policy', () => {
  it('lets the web app run with no violation: sign-in, the dashboard with its charts, the ledgers', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    const violations = await watch(context, page);
    const first = await page.goto('/');
    expect(first?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await signIn(page, 'sjz.leader', 'Anjian@2026');
    await page.waitForURL(/\/dashboard/);
    await page.locator('[data-testid=dashboard][data-ready=true]').waitFor({ timeout: 30_000 });
    expect(await page.locator('canvas').count(), 'ECharts drew its charts').toBeGreaterThan(0);
    for (const path of ['/hazards', '/hazard-lists', '/enterprises', '/accidents', '/indicators']) {
      await page.goto(path);
      await page.locator('.ant-layout-content').first().waitFor();
      await page.waitForLoadState('networkidle');
    }
    expect(await violations()).toEqual([]);
    await context.close();
  });

  it('lets the API docs (swagger-ui) render with no violation', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    const violations = await watch(context, page);
    await page.goto('/api/docs');
    await page.locator('.swagger-ui .opblock').first().waitFor({ timeout: 30_000 });
    // swagger-ui renders only the operations near the viewport (126 paths now): a screenful of them,
    // then the last ones after scrolling to the end.
    await expect.poll(() => page.locator('.swagger-ui .opblock').count(), { timeout: 30_000 }).toBeGreaterThan(10);
    await page.mouse.wheel(0, 50_000);
    await expect.poll(() => page.locator('.swagger-ui .opblock-tag').allInnerTexts(), { timeout: 30_000 }).not.toContain('health');
    expect(await violations()).toEqual([]);
    await context.close();
  });
});
