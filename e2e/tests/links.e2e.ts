import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESKTOP, launch, onPage, PHONE, screenshot, selectOption, signIn } from '../support/browser.js';

/*
 * Issue 12 links: on a phone, a drawn inspector starts the inspection of their pair from the
 * draw page (enterprise and team prefilled); on a desktop, the department opens a case from a
 * signed inspection, and the case names the inspection it comes from.
 */
const DEMO_PASSWORD = 'Anjian@2026';
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('links between draws, inspections and cases', () => {
  it('a drawn inspector starts the pair’s inspection from the draw page, once', async () => {
    await onPage(browser, PHONE, 'links-pair-start', async (page) => {
      await signIn(page, 'zd.inspector', DEMO_PASSWORD);
      await page.getByTestId('user-menu').waitFor();
      const draw = ((await (await page.request.get('/api/draws')).json()).items as { id: string; planId: string }[])[0]!;
      await page.goto(`/inspection-plans/${draw.planId}/draws/${draw.id}`);
      // A pair of the inspector's not yet inspected whose enterprise has a checklist of the department's industries.
      const me = (await (await page.request.get('/api/auth/me')).json()).id as string;
      const detail = (await (await page.request.get(`/api/draws/${draw.id}`)).json()) as { pairs: { enterpriseId: string; enterpriseName: string; inspectorIds: string[]; inspectionId: string | null }[] };
      const checklists = ((await (await page.request.get('/api/inspection-checklists')).json()).items as { industryCode: string }[]).map((c) => c.industryCode);
      let enterprise = '';
      for (const p of detail.pairs.filter((x) => !x.inspectionId && x.inspectorIds.includes(me))) {
        const industries = (await (await page.request.get(`/api/enterprises/${p.enterpriseId}`)).json()).industries as string[];
        if (industries.some((i) => checklists.includes(i))) { enterprise = p.enterpriseName; break; }
      }
      expect(enterprise).not.toBe('');
      const start = page.getByTestId('pair-start');
      await start.first().waitFor();
      const before = await page.getByTestId('pair-inspection').count();
      await page.getByTestId('draw-pair').filter({ hasText: enterprise }).getByTestId('pair-start').click();
      await page.getByTestId('start-inspection').waitFor();
      expect(await page.locator('.ant-card').first().textContent()).toContain(enterprise);
      if (!(await page.locator('.ant-select-selection-item').count())) await selectOption(page, page.getByLabel('检查表'), /检查表/);
      await screenshot(page, 'links-phone-start');
      await page.getByTestId('start-inspection').click();
      await page.getByTestId('check-item').first().waitFor();
      await page.goto(`/inspection-plans/${draw.planId}/draws/${draw.id}`);
      await page.getByTestId('draw-result').waitFor();
      await expect.poll(() => page.getByTestId('pair-inspection').count()).toBe(before + 1);
    });
  });

  it('the department opens a case from a signed inspection; the case links back', async () => {
    await onPage(browser, DESKTOP, 'links-file-case', async (page) => {
      await signIn(page, 'zd.emergency', DEMO_PASSWORD);
      await page.getByTestId('user-menu').waitFor();
      const list = (await (await page.request.get('/api/inspections?status=recorded&type=random_draw&limit=50')).json()).items as { id: string; failedCount: number }[];
      const inspection = list.find((i) => i.failedCount > 0)!;
      await page.goto(`/inspections/${inspection.id}`);
      await page.getByTestId('file-case').click();
      await page.getByTestId('file-case-submit').click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      await page.getByTestId('case-reinspections').waitFor();
      expect(await page.getByTestId('case-reinspections').textContent()).toContain('立案依据的检查');
      await screenshot(page, 'links-desktop-case');
      await page.goto(`/inspections/${inspection.id}`);
      await expect.poll(async () => (await page.getByTestId('inspection-cases').textContent()) ?? '').toMatch(/正应急立〔\d{4}〕\d+号/);
    });
  });
});
