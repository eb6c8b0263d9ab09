import ExcelJS from 'exceljs';
import fs from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceServerClock, launch, onPage, PHONE, pngFile, screenshot, shanghaiDay, signIn } from '../support/browser.js';

const DEMO_PASSWORD = 'Anjian@2026';
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** Each person on their own phone. */
async function as(username: string, run: (page: Page) => Promise<void>): Promise<void> {
  await onPage(browser, PHONE, username, async (page) => {
    await signIn(page, username, DEMO_PASSWORD);
    await page.getByTestId('user-menu').waitFor();
    await run(page);
  });
}

async function report(page: Page, title: string, major: boolean): Promise<string> {
  await page.goto('/hazards');
  await page.getByTestId('report-hazard').click();
  await page.getByLabel('隐患名称').fill(title);
  if (major) await page.getByText('重大事故隐患', { exact: true }).click();
  await page.getByLabel('企业', { exact: true }).fill('恒安建材');
  await page.getByTestId('enterprise-option').filter({ hasText: '恒安建材' }).first().click();
  await page.getByTestId('report-photos-input').setInputFiles(await pngFile('before.png'));
  await page.locator('[data-testid=report-photos-thumb][data-uploaded=true]').first().waitFor();
  await page.getByTestId('report-submit').click();
  const detail = page.getByTestId('hazard-detail');
  await detail.waitFor();
  return (await detail.getAttribute('data-hazard-id'))!;
}

async function act(page: Page, action: string) {
  await page.getByTestId(`act-${action}`).click();
  await page.getByTestId(`act-dialog-${action}`).waitFor();
}

const status = (page: Page, value: string) => page.locator(`[data-testid=hazard-detail][data-status=${value}]`).waitFor();

describe('the hazard loop on a phone', () => {
  it('grid member reports with a photo → township verifies and assigns → enterprise submits after-photos → township signs → closed, in the ledger and the export', async () => {
    const title = `脚手架连墙件缺失E2E${Date.now().toString(36).slice(-4)}`;
    let id = '';
    await as('zd.grid', async (page) => {
      id = await report(page, title, false);
      await screenshot(page, 'loop-1-reported');
    });

    await as('zd.town', async (page) => {
      await page.goto(`/hazards/${id}`);
      await act(page, 'verify');
      await page.getByTestId('act-submit').click();
      await status(page, 'verified');
      await act(page, 'assign');
      await page.getByLabel('整改期限').fill(shanghaiDay(10));
      await page.keyboard.press('Tab');
      await page.getByTestId('act-submit').click();
      await status(page, 'rectifying');
      await screenshot(page, 'loop-2-assigned');
    });

    await as('qy.safety', async (page) => {
      await page.goto('/inbox');
      await page.getByTestId('inbox-group-assigned').getByText(title).first().waitFor();
      await page.goto(`/hazards/${id}`);
      await act(page, 'submit_for_acceptance');
      await page.getByTestId('submit_for_acceptance-photos-input').setInputFiles(await pngFile('after.png'));
      await page.locator('[data-uploaded=true]').first().waitFor();
      await page.getByTestId('act-submit').click();
      await status(page, 'pending_acceptance');
    });

    await as('zd.town', async (page) => {
      await page.goto(`/hazards/${id}`);
      await act(page, 'accept');
      await page.getByTestId('accept-warning').waitFor();
      await page.getByTestId('signature-password').fill(DEMO_PASSWORD);
      await page.getByTestId('act-submit').click();
      await status(page, 'closed');
      await page.getByTestId('acceptance-signature').waitFor();
      expect(await page.getByTestId('signature-hash').textContent()).toMatch(/[0-9a-f]{8}/);
      await screenshot(page, 'loop-3-signed');

      await page.goto(`/hazards?status=closed&q=${encodeURIComponent(title)}`);
      await page.locator(`[data-testid=hazard-card][data-hazard-id="${id}"]`).waitFor();
      await screenshot(page, 'loop-4-ledger');

      await page.goto('/hazard-lists?list=rectification');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('list-export').click()]);
      const file = await download.path();
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await fs.readFile(file!) as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      expect(sheet.name).toBe('整改清单');
      const titles = sheet.getColumn(2).values.map(String);
      expect(titles).toContain(title);
    });
  });

  it('a major hazard needs the 五落实 to be assigned, is listed by the county, goes overdue and shows up overdue to the city', async () => {
    const title = `燃气管道腐蚀E2E${Date.now().toString(36).slice(-4)}`;
    let id = '';
    await as('zd.grid', async (page) => {
      id = await report(page, title, true);
    });

    await as('zd.town', async (page) => {
      await page.goto(`/hazards/${id}`);
      await act(page, 'verify');
      await page.getByTestId('act-submit').click();
      await status(page, 'verified');
      await act(page, 'assign');
      await page.getByLabel('整改期限').fill(shanghaiDay(2));
      await page.keyboard.press('Tab');
      await page.getByTestId('act-submit').click();
      // The form checks the 五落实 itself (the server's rule) and marks each missing field.
      await expect.poll(async () => (await page.getByTestId('act-dialog-assign').locator('.ant-form-item-explain-error').allTextContents()).join(' '), { timeout: 20_000 }).toContain('五落实之“责任”不能为空');
      await screenshot(page, 'major-1-needs-plan');
      await page.getByTestId('plan-responsibility').fill('企业主要负责人王建国');
      await page.getByTestId('plan-measures').fill('更换腐蚀管段，加装泄漏报警');
      await page.getByTestId('plan-funds').fill('企业自筹 20 万元');
      await page.getByTestId('plan-deadline').fill(shanghaiDay(2));
      await page.keyboard.press('Tab');
      await page.getByTestId('plan-contingencyPlan').fill('停气并设置警戒，启动燃气泄漏应急预案');
      await page.getByTestId('act-submit').click();
      await status(page, 'rectifying');
    });

    await as('zd.office', async (page) => {
      await page.goto(`/hazards/${id}`);
      await act(page, 'list');
      await page.getByLabel('包联领导').fill('刘县长');
      await page.getByLabel('责任部门').click();
      await page.getByTestId('department-option').first().click();
      await page.getByTestId('act-submit').click();
      await page.getByTestId('hazard-listing').waitFor();
      await screenshot(page, 'major-2-listed');
    });

    // Five days pass: the deadline (today + 2) is behind us.
    await advanceServerClock(5);
    try {
      await as('sjz.leader', async (page) => {
        await page.goto('/hazards?overdue=true&listed=true');
        const card = page.locator(`[data-testid=hazard-card][data-hazard-id="${id}"]`);
        await card.waitFor();
        await card.getByTestId('overdue-tag').waitFor();
        await card.getByTestId('listed-tag').waitFor();
        await screenshot(page, 'major-3-city-sees-overdue');
      });
    } finally {
      await advanceServerClock(0);
    }
  });
});
