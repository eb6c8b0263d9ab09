import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, onPage, PHONE, screenshot, shanghaiDay, signIn } from '../support/browser.js';

/*
 * Forms that refuse instead of rewriting (issue 10): on a phone, a figure that is not a whole
 * number ≥ 0 stays as typed, is marked with the reason naming the field, and nothing is sent;
 * the major-hazard assignment marks the missing 五落实 before anything is sent.
 */
const DEMO_PASSWORD = 'Anjian@2026';
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

async function as(username: string, name: string, run: (page: Page) => Promise<void>): Promise<void> {
  await onPage(browser, PHONE, name, async (page) => {
    await signIn(page, username, DEMO_PASSWORD);
    await page.getByTestId('user-menu').waitFor();
    await run(page);
  });
}

/** Counts the POSTs to `path` the page sends from now on. */
function countPosts(page: Page, path: RegExp): () => number {
  let sent = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && path.test(new URL(r.url()).pathname)) sent += 1;
  });
  return () => sent;
}

/** The error antd shows under the field holding the input `testId`. */
const fieldError = (page: Page, testId: string) =>
  page.locator('.ant-form-item', { has: page.getByTestId(testId) }).locator('.ant-form-item-explain-error');

describe('forms refuse bad figures on a phone', () => {
  it('an accident form with −1 deaths, 2.5 serious injuries or "abc" loss shows the field error and sends nothing', async () => {
    await as('zd.office', 'forms-accident', async (page) => {
      await page.goto('/accidents/new');
      await page.getByLabel('发生地点').fill('E2E 表单校验');
      await page.getByLabel('统计类别').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
      await page.getByLabel('事故简要经过').fill('表单校验，不应提交');
      const posts = countPosts(page, /^\/api\/accidents(\/batch)?$/);
      const submit = page.getByRole('button', { name: '提交快报' });

      // −1 deaths: stays −1, named, nothing sent.
      await page.getByTestId('figure-deaths').fill('-1');
      await submit.click();
      await expect.poll(async () => (await fieldError(page, 'figure-deaths').allTextContents()).join('')).toBe('死亡人数不能为负数，须为 0 或正整数');
      expect(await page.getByTestId('figure-deaths').inputValue()).toBe('-1');
      await screenshot(page, 'form-accident-error-phone');

      // 2.5 serious injuries: not rounded to 3.
      await page.getByTestId('figure-deaths').fill('0');
      await page.getByTestId('figure-seriousInjuries').fill('2.5');
      await submit.click();
      await expect.poll(async () => (await fieldError(page, 'figure-seriousInjuries').allTextContents()).join('')).toBe('重伤人数须为整数，不能有小数');
      expect(await page.getByTestId('figure-seriousInjuries').inputValue()).toBe('2.5');
      expect(await fieldError(page, 'figure-deaths').count()).toBe(0);

      // "abc" loss: not read as 0.
      await page.getByTestId('figure-seriousInjuries').fill('2');
      await page.getByTestId('figure-directLossYuan').fill('abc');
      await submit.click();
      await expect.poll(async () => (await fieldError(page, 'figure-directLossYuan').allTextContents()).join('')).toBe('直接经济损失（元）须填写数字：0 或正整数');
      expect(await page.getByTestId('figure-directLossYuan').inputValue()).toBe('abc');

      // A moment for anything that would have gone out, then: nothing did.
      await page.waitForTimeout(500);
      expect(posts()).toBe(0);
      expect(page.url()).toMatch(/\/accidents\/new$/);
    });
  });

  it('the major-hazard assignment marks each missing 五落实 field, prefills 时限 from 整改期限, and sends nothing', async () => {
    await as('zd.town', 'forms-assign-major', async (page) => {
      const me = await (await page.request.get('/api/auth/me')).json();
      const created = await page.request.post('/api/hazards', {
        data: { title: `E2E五落实${Date.now().toString(36).slice(-4)}`, regionCode: me.org.regionCode, level: 'major', source: 'government_inspection', foundOn: shanghaiDay(0), location: '正定镇燃气调压站' },
      });
      expect(created.status(), await created.text()).toBe(201);
      const id = (await created.json()).id as string;
      const verified = await page.request.post(`/api/hazards/${id}/verify`, { data: {} });
      expect(verified.status(), await verified.text()).toBe(200);

      await page.goto(`/hazards/${id}`);
      await page.getByTestId('act-assign').click();
      const dialog = page.getByTestId('act-dialog-assign');
      await dialog.waitFor();
      const posts = countPosts(page, new RegExp(`^/api/hazards/${id}/assign$`));

      // Enter in the date field confirms the date; it does not submit the dialog.
      await page.getByTestId('assign-deadline').fill(shanghaiDay(5));
      await page.getByTestId('assign-deadline').press('Enter');
      await page.waitForTimeout(300);
      expect(await dialog.locator('.ant-form-item-explain-error').count()).toBe(0);
      // 时限 follows 整改期限.
      expect(await page.getByTestId('plan-deadline').inputValue()).toBe(shanghaiDay(5));

      await page.getByTestId('plan-funds').fill('企业自筹 20 万元');
      await page.getByTestId('act-submit').click();
      for (const [key, text] of [['responsibility', '责任'], ['measures', '措施'], ['contingencyPlan', '预案']] as const) {
        await expect.poll(async () => (await fieldError(page, `plan-${key}`).allTextContents()).join('')).toBe(`五落实之“${text}”不能为空`);
      }
      expect(await fieldError(page, 'plan-funds').count()).toBe(0);
      expect(await page.getByTestId('act-error').count()).toBe(0);

      // A 时限 the user set stays when the 整改期限 moves before it, and is refused by the rule the server applies.
      await page.getByTestId('plan-deadline').fill(shanghaiDay(4));
      await page.getByTestId('plan-deadline').press('Enter');
      await page.getByTestId('assign-deadline').fill(shanghaiDay(3));
      await page.getByTestId('assign-deadline').press('Enter');
      expect(await page.getByTestId('plan-deadline').inputValue()).toBe(shanghaiDay(4));
      await page.getByTestId('act-submit').click();
      await expect.poll(async () => (await fieldError(page, 'plan-deadline').allTextContents()).join('')).toBe('方案时限晚于整改期限');
      await screenshot(page, 'form-assign-major-phone');

      await page.waitForTimeout(500);
      expect(posts()).toBe(0);
    });
  });
});
