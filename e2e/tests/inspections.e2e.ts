import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, onPage, PHONE, pngFile, screenshot, selectOption, signIn } from '../support/browser.js';

/*
 * On a phone, the inspector records a 四不两直 inspection whose checklist fails a 判定标准
 * item; signing it files the finding as a 重大 hazard carrying its clause (issue 12).
 */
const DEMO_PASSWORD = 'Anjian@2026';
const CLAUSE = '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条第（三）项';
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('an inspection on a phone', () => {
  it('zd.inspector fails a 判定标准 item; the hazard appears as 重大 with its clause', async () => {
    await onPage(browser, PHONE, 'inspection-record', async (page) => {
      await signIn(page, 'zd.inspector', DEMO_PASSWORD);
      await page.getByTestId('user-menu').waitFor();
      const found = await (await page.request.get('/api/enterprises?industry=dust_explosion&limit=50')).json();
      const enterprise = (found.items as { name: string; status: string }[]).find((e) => e.status === 'operating')!.name;

      await page.goto('/inspections');
      await page.getByTestId('new-inspection').click();
      await page.getByTestId('start-inspection').waitFor();
      await page.locator('label.ant-radio-button-wrapper', { hasText: '四不两直' }).click();
      await page.getByLabel('被检查企业').fill(enterprise);
      await page.getByTestId('enterprise-option').filter({ hasText: enterprise }).first().click();
      await selectOption(page, page.getByLabel('检查表'), /粉尘涉爆/);
      await page.getByTestId('start-inspection').click();

      const items = page.getByTestId('check-item');
      await items.first().waitFor();
      const count = await items.count();
      expect(count).toBe(17);
      for (let i = 0; i < count; i++) await items.nth(i).getByText('合格', { exact: true }).click();
      const major = page.locator('[data-testid=check-item][data-item-key="mem10-2023/11.3"]');
      await major.getByText('不合格', { exact: true }).click();
      await major.getByTestId('item-note').fill('布袋除尘器未设泄爆片，无惰化抑爆措施');
      await major.locator('input[data-testid$=-input]').setInputFiles(await pngFile('dust.png'));
      await major.locator('[data-uploaded=true]').first().waitFor();
      await expect.poll(() => page.getByTestId('progress').textContent()).toBe('已检 17/17');
      await screenshot(page, 'inspection-phone-record');

      await page.getByTestId('sign').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('sign-password').first().fill(DEMO_PASSWORD);
      await dialog.getByTestId('enterprise-signer').fill('张安全');
      await dialog.getByTestId('confirm-sign').click();

      const finding = page.getByTestId('finding-hazard');
      await finding.first().waitFor();
      await expect.poll(() => page.getByTestId('inspection-status').first().textContent()).toContain('已记录');
      expect(await finding.count()).toBe(1);
      expect(await finding.textContent()).toContain('重大事故隐患');
      expect(await finding.textContent()).toContain(CLAUSE);

      await finding.getByTestId('hazard-link').click();
      await page.getByTestId('hazard-detail').waitFor();
      const body = await page.getByTestId('hazard-detail').textContent();
      expect(body).toContain('重大事故隐患');
      expect(body).toContain(CLAUSE);
      expect(body).toContain('四不两直');
      await screenshot(page, 'inspection-phone-hazard');
    });
  });
});
