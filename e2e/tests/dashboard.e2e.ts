import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launch, newPage, screenshot, signIn } from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

interface Figure { current: number; percentText: string | null }
interface AccidentStats { totals: Record<'accidents' | 'deaths' | 'seriousInjuries' | 'minorInjuries' | 'directLossYuan', Figure>; byRegion: { code: string; rank: number; accidents: Figure; deaths: Figure; doubleRise: boolean; atThisLevel: boolean }[] }
interface HazardStats { totals: { found: Figure; closed: Figure; major: Figure; rectificationRate: { percentText: string | null }; snapshot: { overdue: number; acceptanceOverdue: number; listed: number } } }

/** The API's answer for what the page shows, fetched with the page's own session. */
async function api<T>(page: Page, path: string, region: string): Promise<T> {
  return page.evaluate(async ([p, r]) => (await fetch(`/api${p}?regionCode=${r}`)).json(), [path, region] as const) as Promise<T>;
}

async function shown(page: Page, testId: string): Promise<{ value: string; percent: string }> {
  const card = page.getByTestId(testId);
  return { value: (await card.getAttribute('data-value')) ?? '', percent: (await card.getAttribute('data-percent')) ?? '' };
}

/** Every key figure and every ranking row on screen equals the API's. */
async function compare(page: Page, region: string): Promise<void> {
  await page.locator(`[data-testid=dashboard][data-region="${region}"][data-ready=true]`).waitFor({ timeout: 30_000 });
  const [a, h] = await Promise.all([api<AccidentStats>(page, '/stats/accidents', region), api<HazardStats>(page, '/stats/hazards', region)]);
  const cards: [string, Figure][] = [
    ['figure-accidents', a.totals.accidents], ['figure-deaths', a.totals.deaths], ['figure-serious-injuries', a.totals.seriousInjuries],
    ['figure-minor-injuries', a.totals.minorInjuries], ['figure-direct-loss', a.totals.directLossYuan],
    ['figure-hazards-found', h.totals.found], ['figure-hazards-closed', h.totals.closed], ['figure-hazards-major', h.totals.major],
  ];
  for (const [id, figure] of cards) {
    expect(await shown(page, id), `${region} ${id}`).toEqual({ value: String(figure.current), percent: figure.percentText ?? '' });
  }
  expect((await shown(page, 'figure-rectification-rate')).value).toBe(h.totals.rectificationRate.percentText ?? '—');
  expect((await shown(page, 'figure-overdue')).value).toBe(String(h.totals.snapshot.overdue));
  // 验收超期 beside 逾期, never in it; closed and the rate each name their base.
  expect(await page.getByTestId('figure-acceptance-overdue').getAttribute('data-value')).toBe(String(h.totals.snapshot.acceptanceOverdue));
  expect(await page.getByTestId('closed-basis').textContent()).toMatch(/销号日期|closing date/);
  expect(await page.getByTestId('rate-basis').textContent()).toMatch(/本期排查|found in the period/);
  expect((await shown(page, 'figure-listed')).value).toBe(String(h.totals.snapshot.listed));
  for (const row of a.byRegion) {
    const tr = page.getByTestId(`region-row-${row.code}`);
    if (row.atThisLevel && (await tr.count()) === 0) continue;
    expect(await tr.getByTestId('rank').textContent(), `${row.code} rank`).toBe(String(row.rank));
    expect(await tr.getByTestId('accidents').first().textContent(), `${row.code} accidents`).toBe(String(row.accidents.current));
    expect(await tr.getByTestId('deaths').first().textContent(), `${row.code} deaths`).toBe(String(row.deaths.current));
    expect(await tr.getAttribute('data-double-rise'), `${row.code} 双上升`).toBe(String(row.doubleRise));
  }
}

describe('the leader’s dashboard', () => {
  it('a city leader drills into a county and a township and back; every figure equals the API’s', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'sjz.leader', 'Anjian@2026');
    await page.waitForURL(/\/dashboard/);
    await compare(page, '1301');
    await screenshot(page, 'dashboard-1-city');

    await page.getByTestId('region-row-130123').getByTestId('region-link').click();
    await page.waitForURL(/\/dashboard\/130123$/);
    await compare(page, '130123');
    await screenshot(page, 'dashboard-2-county');

    await page.getByTestId('region-row-130123100').getByTestId('region-link').click();
    await page.waitForURL(/\/dashboard\/130123100$/);
    await compare(page, '130123100');
    await screenshot(page, 'dashboard-3-township');

    await page.getByTestId('drill-breadcrumb').getByTestId('crumb-130123').click();
    await compare(page, '130123');
    await page.getByTestId('drill-breadcrumb').getByTestId('crumb-1301').click();
    await page.waitForURL(/\/dashboard$/);
    await compare(page, '1301');
    await context.close();
  });
});
