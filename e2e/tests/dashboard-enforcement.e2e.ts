import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launch, newPage, PHONE, screenshot, signIn } from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

interface Coverage { code: string; enterprises: number; inspected: number; percent: number | null; targetPercent: number | null }
interface Enforcement {
  inspections: { total: number; byType: { type: string; count: number }[] };
  hazards: { total: number; major: number };
  coverage: { total: Coverage; byRegion: Coverage[]; byIndustry: Coverage[]; plans: unknown[] };
  cases: { opened: number; decided: number; overdue: number; finesDecidedYuan: number; finesCollectedYuan: number; suspended: number; resumed: number; closed: number; blacklisted: number } | null;
}

/** Waits for the 执法 section and returns the API's answer for the region and period it shows, with the page's session. */
async function section(page: Page): Promise<Enforcement> {
  const root = page.locator('[data-testid=enforcement][data-ready=true]');
  await root.waitFor({ timeout: 30_000 });
  const [region, from, to] = await Promise.all(['data-region', 'data-from', 'data-to'].map((a) => root.getAttribute(a)));
  return page.evaluate(async (q) => (await fetch(`/api/enforcement/figures?${q}`)).json(), new URLSearchParams({ regionCode: region!, from: from!, to: to! }).toString()) as Promise<Enforcement>;
}

const value = (page: Page, testId: string) => page.getByTestId(testId).getAttribute('data-value');

async function compare(page: Page, api: Enforcement, by: 'region' | 'industry' = 'region') {
  expect(await value(page, 'figure-inspections')).toBe(String(api.inspections.total));
  for (const x of api.inspections.byType) expect(await value(page, `figure-inspections-${x.type}`), x.type).toBe(String(x.count));
  expect(await value(page, 'figure-inspection-hazards')).toBe(String(api.hazards.total));
  expect(await page.getByTestId('figure-inspection-hazards-major').getAttribute('data-value')).toBe(String(api.hazards.major));
  const c = api.cases!;
  expect(await value(page, 'figure-cases-opened')).toBe(String(c.opened));
  expect(await value(page, 'figure-cases-decided')).toBe(String(c.decided));
  expect(await value(page, 'figure-cases-overdue')).toBe(String(c.overdue));
  expect(await value(page, 'figure-fines-decided')).toBe(String(c.finesDecidedYuan));
  expect(await value(page, 'figure-fines-collected')).toBe(String(c.finesCollectedYuan));
  expect(await value(page, 'figure-cases-suspended')).toBe(String(c.suspended));
  expect(await value(page, 'figure-blacklisted')).toBe(String(c.blacklisted));
  const rows = [...(by === 'region' ? api.coverage.byRegion : api.coverage.byIndustry), { ...api.coverage.total, code: '' }];
  expect(await page.getByTestId('coverage-row').count()).toBe(rows.length);
  for (const r of rows) {
    const bar = page.locator(`[data-testid=coverage-row][data-code="${r.code}"]`).getByTestId('coverage-bar');
    expect(await bar.getAttribute('data-percent'), r.code).toBe(r.percent === null ? '' : String(r.percent));
    expect(await bar.getAttribute('data-target'), r.code).toBe(r.targetPercent === null ? '' : String(r.targetPercent));
  }
}

describe('the dashboard’s 执法 section', () => {
  it('the county leader: every card and coverage row equals the API; cards open the lists behind them', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'zd.leader', 'Anjian@2026');
    await page.waitForURL(/\/dashboard/);
    const api = await section(page);
    // The demo county has plans, inspections of several types and cases (issue 12's demo data).
    expect(api.coverage.plans.length).toBeGreaterThan(0);
    expect(api.inspections.total).toBeGreaterThan(0);
    await compare(page, api);
    await page.getByTestId('section-enforcement').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-enforcement-1-leader');
    await page.getByTestId('coverage-by').getByText('按行业').click();
    await compare(page, api, 'industry');

    const type = api.inspections.byType.find((x) => x.count > 0)!.type;
    await page.getByTestId(`figure-inspections-${type}`).getByRole('link').click();
    await page.waitForURL(new RegExp(`/inspections\\?type=${type}$`));
    await page.goBack();
    await section(page);
    await page.getByTestId('figure-cases-overdue').getByRole('link').click();
    await page.waitForURL(/\/cases\?overdue=true$/);
    await context.close();
  });

  it('the 应急管理局 on a phone: its industries only, coverage as blocks', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, 'zd.emergency', 'Anjian@2026');
    await page.waitForURL((u) => !u.pathname.startsWith('/login') && u.pathname !== '/');
    await page.goto('/dashboard');
    const api = await section(page);
    await compare(page, api);
    await page.getByTestId('section-enforcement').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-enforcement-2-emergency-phone');
    await context.close();
  });

  it('a township without inspection.read has no 执法 section', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'zd.town', 'Anjian@2026');
    // Signed in (the app leaves the login page) before going to the dashboard.
    await page.waitForURL((u) => !u.pathname.startsWith('/login') && u.pathname !== '/');
    await page.goto('/dashboard');
    await page.locator('[data-testid=dashboard][data-ready=true]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('section-enforcement').count()).toBe(0);
    await context.close();
  });
});
