import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launch, onPage, PHONE, screenshot, signIn } from '../support/browser.js';
import { addPoolMember } from '../support/draws.js';

/*
 * 双随机一公开 (issue 12): a department head keeps a plan, puts two inspectors in its pool,
 * fixes the inputs (hashes and H(seed) published), reveals the seed and draws; anyone then
 * reads the result on the public page without signing in, on a phone, and re-verifies it.
 */
const DEMO_PASSWORD = 'Anjian@2026';
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('双随机一公开 on the web', () => {
  let drawId = '';

  it('a department head plans, fixes the inputs, then draws once', async () => {
    await onPage(browser, DESKTOP, 'draws-wizard', async (page) => {
      await signIn(page, 'zd.housing', DEMO_PASSWORD);
      await page.getByTestId('user-menu').waitFor();
      await page.goto('/inspection-plans');
      await page.getByRole('button', { name: '新建计划' }).click();
      const name = `E2E抽查计划${Date.now().toString(36)}`;
      await page.getByLabel('计划名称').fill(name);
      await page.getByRole('button', { name: '创建' }).click();
      await page.getByTestId('plan-preview').waitFor();
      expect(await page.getByRole('heading', { name }).count()).toBe(1);

      await addPoolMember(page, '彭亮', `冀住建执E2E-${Date.now() % 10000}1`);
      await addPoolMember(page, '曹敏', `冀住建执E2E-${Date.now() % 10000}2`);

      await page.getByRole('button', { name: '发起新一批抽取' }).click();
      await page.getByRole('button', { name: '固定输入并公布承诺' }).click();
      const commitment = await page.getByTestId('draw-commitment').textContent();
      expect(commitment).toMatch(/^[0-9a-f]{64}$/);
      expect(await page.getByTestId('draw-seed').count()).toBe(0);
      await screenshot(page, 'draws-step2');

      await page.getByRole('button', { name: '公开种子并抽取' }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
      await page.getByTestId('draw-result').waitFor();
      const seed = (await page.getByTestId('draw-seed').textContent())!;
      expect(seed).toMatch(/^[0-9a-f]{64}$/);
      const digest = await page.evaluate(async (s) => Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)))).map((b) => b.toString(16).padStart(2, '0')).join(''), seed);
      expect(digest).toBe(commitment);
      expect(await page.getByTestId('draw-pair').count()).toBeGreaterThan(0);
      drawId = page.url().split('/').pop()!;
      await screenshot(page, 'draws-result');
      // The same commitment cannot be drawn again.
      const again = await page.request.post(`/api/draws/${drawId}/draw`, { data: {} });
      expect(again.status()).toBe(409);
    });
  });

  it('anyone reads and re-verifies it on the public page, without signing in, on a phone', async () => {
    await onPage(browser, PHONE, 'draws-public', async (page) => {
      await page.goto('/public/draws/130123');
      await page.getByTestId('public-draw').first().waitFor();
      await page.goto(`/public/draws/130123/${drawId}`);
      await page.getByTestId('draw-result').waitFor();
      await page.getByTestId('verify-button').click();
      await page.getByText('复核通过').waitFor();
      await screenshot(page, 'draws-public-phone');
    });
  });
});
