import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launch, onPage, screenshot, signIn } from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('the cockpit a leader projects (issue 10)', () => {
  it('names a running month as the month, opens the ledger behind a figure, and ranks apart from 本级 with a 合计', async () => {
    await onPage(browser, DESKTOP, 'cockpit-desk', async (page) => {
      await signIn(page, 'zd.leader', 'Anjian@2026');
      await page.waitForURL(/\/dashboard/);
      await page.locator('[data-testid=dashboard][data-ready=true]').waitFor({ timeout: 30_000 });
      await page.getByTestId('period-selector').getByText('月度', { exact: true }).click();
      await expect.poll(() => page.getByTestId('period-label').textContent(), { timeout: 15_000 }).toMatch(/\d{4}年\d{1,2}月/);
      expect(await page.getByTestId('period-label').textContent()).not.toContain('自定义');
      // One breadcrumb: the layout's own region path is not shown beside the dashboard's.
      expect(await page.locator('.ant-breadcrumb').count()).toBe(1);
      expect(await page.getByTestId('ranking-order').textContent()).toContain('从多到少');
      expect(await page.getByTestId('ranking-total').getByTestId('accidents').textContent()).toBe(await page.getByTestId('figure-accidents').getAttribute('data-value'));

      await page.getByTestId('figure-accidents').getByRole('link').click();
      await page.waitForURL(/\/accidents\?/);
      const url = new URL(page.url());
      expect(url.searchParams.get('regionCode')).toBe('130123');
      expect(url.searchParams.get('from')).toMatch(/^\d{4}-\d{2}-01$/);
    });
  });

  it('大屏: dark, 数据截至 hh:mm, a map of 石家庄’s counties coloured by the chosen figure', async () => {
    const { context, page } = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: inject('baseUrl') }).then(async (c) => ({ context: c, page: await c.newPage() }));
    try {
      await signIn(page, 'sjz.leader', 'Anjian@2026');
      await page.waitForURL(/\/dashboard/);
      await page.getByTestId('enter-screen').click();
      await page.locator('[data-testid=cockpit-screen][data-ready=true]').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('screen-as-of').textContent()).toMatch(/^数据截至 \d{2}:\d{2}$/);
      await page.getByTestId('screen-map').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('screen-map-panel').getAttribute('data-mapped')).toBe('true');
      // The ranking follows the chosen figure: 事故起数 puts the county with the most accidents first.
      await page.getByTestId('screen-figure').getByText('事故起数').click();
      await page.waitForURL(/figure=accidents/);
      await expect.poll(() => page.getByTestId('screen-ranking').locator('h2').textContent()).toBe('事故起数排名');
      const values = () => page.locator('[data-testid^=screen-row-]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
      await expect.poll(async () => { const v = await values(); return v.length > 3 && v.every((x, i) => i === 0 || v[i - 1]! >= x); }, { timeout: 10_000 }).toBe(true);
      // The top row is the county with the most accidents in the API's own figures.
      const api = await page.evaluate(async () => (await fetch('/api/stats/accidents?regionCode=1301')).json() as Promise<{ byRegion: { atThisLevel: boolean; accidents: { current: number } }[] }>);
      expect((await values())[0]).toBe(Math.max(...api.byRegion.filter((r) => !r.atThisLevel).map((r) => r.accidents.current)));
      await page.getByTestId('screen-figure').getByText('逾期未整改').click();
      await page.waitForTimeout(800);
      await screenshot(page, 'cockpit-screen');
      await page.getByTestId('screen-exit').click();
      await page.locator('[data-testid=dashboard]').waitFor();
    } finally {
      await context.close();
    }
  });
});
