import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launch, onPage, PHONE, pngFile, screenshot, signIn } from '../support/browser.js';

const DEMO_PASSWORD = 'Anjian@2026';
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** Counts the taps (clicks) made on the page, to hold the home to its "three taps plus the photo". */
async function countTaps(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { __taps: number };
    w.__taps = 0;
    document.addEventListener('click', (e) => { if (e.isTrusted) w.__taps++; }, true);
  });
  return () => page.evaluate(() => (window as unknown as { __taps: number }).__taps);
}

describe('a home that fits each role, on a phone', () => {
  it('the grid member reports from the home screen in three taps plus the photo; the source is 网格员巡查', async () => {
    const title = `消防通道堵塞E2E${Date.now().toString(36).slice(-4)}`;
    await onPage(browser, PHONE, 'homes-grid', async (page) => {
      await page.context().grantPermissions(['geolocation']);
      await page.context().setGeolocation({ latitude: 38.1459, longitude: 114.5702 });
      await signIn(page, 'zd.grid', DEMO_PASSWORD);
      // Lands on the reporter's home, whose first and largest element is 上报隐患.
      await page.waitForURL(/\/home$/);
      const hero = page.getByTestId('quick-photos-hero');
      await hero.waitFor();
      expect(await hero.innerText()).toContain('上报隐患');
      const first = await page.getByTestId('reporter-home').locator('button, a').first().getAttribute('data-testid');
      expect(first).toBe('quick-photos-hero');
      const box = (await hero.boundingBox())!;
      expect(box.width).toBeGreaterThan(300);
      expect(box.height).toBeGreaterThanOrEqual(100);
      // A grid member's menu holds no reference pages.
      await page.getByRole('button', { name: '打开菜单' }).click();
      const menu = await page.locator('.ant-drawer .ant-menu-item').allInnerTexts();
      expect(menu).toContain('首页');
      for (const hidden of ['行政区划', '组织机构', '三管三必须', '用户管理', '领导驾驶舱']) expect(menu).not.toContain(hidden);
      await page.keyboard.press('Escape');
      await page.locator('.ant-drawer-content').waitFor({ state: 'hidden' });
      await screenshot(page, 'homes-1-grid-home');

      const taps = await countTaps(page);
      // Tap 1: 上报隐患 opens the camera (a file chooser here); the photo is taken.
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), hero.click()]);
      await chooser.setFiles(await pngFile('patrol.png'));
      await page.locator('[data-testid=quick-photos-thumb][data-uploaded=true]').waitFor();
      // Tap 2: the location.
      await page.getByTestId('use-my-location').click();
      await page.getByTestId('location-coords').waitFor();
      // Located, the short description has the focus: it is typed, no tap needed.
      await expect.poll(() => page.getByTestId('quick-title').evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type(title);
      // The rest waits, collapsed, with its defaults: the source follows the role.
      expect(await page.getByTestId('quick-source').isVisible()).toBe(false);
      // Tap 3: submit.
      await page.getByTestId('quick-submit').click();
      await page.getByTestId('quick-report-done').waitFor();
      expect(await taps()).toBe(3);

      // It heads 我的上报 at once, as 已上报.
      const card = page.getByTestId('my-reports').getByTestId('hazard-card').filter({ hasText: title });
      await card.waitFor();
      expect(await card.innerText()).toContain('已上报');
      await screenshot(page, 'homes-2-grid-reported');
      const id = (await card.getAttribute('data-hazard-id'))!;

      // The API says the same: 网格员巡查 with the place, the photo, reported by this account.
      const detail = await (await page.request.get(`/api/hazards/${id}`)).json();
      expect(detail).toMatchObject({ title, source: 'grid_patrol', status: 'reported', level: 'general', regionCode: '130123100', latitude: 38.1459, longitude: 114.5702 });
      expect(detail.files).toHaveLength(1);
      const mine = await (await page.request.get('/api/hazards?reportedByMe=true&limit=200')).json();
      expect(mine.items.map((h: { id: string }) => h.id)).toContain(id);

      // The detail page names the source too, and offers a grid member no 督查 and no 问责.
      await page.getByTestId('quick-report-done').click();
      await page.locator(`[data-testid=hazard-detail][data-hazard-id="${id}"]`).waitFor();
      await page.getByText('网格员巡查').first().waitFor();
      expect(await page.getByTestId('act-supervise').count()).toBe(0);
      expect(await page.getByTestId('act-record_accountability').count()).toBe(0);
    });
  });

  it('the enterprise account lands on its home too, and its inbox holds enterprise tasks only', async () => {
    await onPage(browser, PHONE, 'homes-enterprise', async (page) => {
      await signIn(page, 'qy.safety', DEMO_PASSWORD);
      await page.waitForURL(/\/home$/);
      await page.getByTestId('quick-photos-hero').waitFor();
      await page.getByTestId('my-reports').getByTestId('hazard-card').first().waitFor();
      await page.goto('/inbox');
      await page.getByTestId('inbox-count-assigned').waitFor();
      for (const hidden of ['toVerify', 'toAssign', 'toAccept']) expect(await page.getByTestId(`inbox-count-${hidden}`).count()).toBe(0);
      expect(await page.getByTestId('inbox-count-submitted').count()).toBe(1);
    });
  });

  it('问责 is offered only where accountability can apply, and asks for confirmation before it is written', async () => {
    await onPage(browser, DESKTOP, 'homes-accountability', async (page) => {
      await signIn(page, 'zd.office', DEMO_PASSWORD);
      await page.getByTestId('user-menu').waitFor();
      // The committee office lands on its queue.
      await page.waitForURL(/\/inbox$/);
      const pick = async (query: string) => (await (await page.request.get(`/api/hazards?${query}&limit=1`)).json()).items[0].id as string;
      const fresh = await pick('status=reported&overdue=false');
      await page.goto(`/hazards/${fresh}`);
      await page.getByTestId('hazard-detail').waitFor();
      await page.getByTestId('hazard-actions').waitFor();
      expect(await page.getByTestId('act-record_accountability').count()).toBe(0);

      const overdue = await pick('overdue=true');
      const before = (await (await page.request.get(`/api/hazards/${overdue}`)).json()).accountability.length;
      await page.goto(`/hazards/${overdue}`);
      await page.getByTestId('act-record_accountability').click();
      const dialog = page.getByTestId('act-dialog-record_accountability');
      await dialog.getByLabel('被问责人').fill('张三');
      await dialog.getByLabel('失职情形').fill('逾期未整改');
      await dialog.getByLabel('决定', { exact: true }).fill('通报批评');
      await page.getByTestId('act-submit').click();
      const confirm = page.getByTestId('accountability-confirm');
      await confirm.waitFor();
      await screenshot(page, 'homes-3-accountability-confirm');
      // Cancelled: nothing is written and the dialog is still there.
      await page.locator('.ant-modal-confirm').getByRole('button', { name: /取\s*消/ }).click();
      await confirm.waitFor({ state: 'hidden' });
      expect(await dialog.isVisible()).toBe(true);
      expect((await (await page.request.get(`/api/hazards/${overdue}`)).json()).accountability).toHaveLength(before);
      // Confirmed: written.
      await page.getByTestId('act-submit').click();
      await confirm.click();
      await dialog.waitFor({ state: 'hidden' });
      expect((await (await page.request.get(`/api/hazards/${overdue}`)).json()).accountability).toHaveLength(before + 1);
    });
  });
});
