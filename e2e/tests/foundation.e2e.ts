import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launch, onPage, saveDialog, screenshot, selectOption, signIn } from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const stamp = Date.now().toString(36).slice(-5);
const orgName = `行唐县安委办E2E${stamp}`;
const username = `xt.e2e${stamp}`;

async function pickRegion(page: Page, dialog: Locator, label: string, name: string) {
  await dialog.getByRole('combobox', { name: label }).fill(name);
  // The hit comes from a server search: click it in the open dropdown once it is there.
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-treenode').filter({ hasText: name }).first().click();
  // The pick took: the field shows the region (a slow machine may re-render the hits under the click).
  await expect.poll(() => dialog.getByText(name, { exact: true }).count(), { timeout: 20_000 }).toBeGreaterThan(0);
}

describe('the foundation, in a browser', () => {
  let temporaryPassword = '';

  it('lets admin create an organisation in a county and a user in it', () => onPage(browser, DESKTOP, 'admin-creates', async (page) => {
    await signIn(page, 'admin', inject('adminPassword'));
    await page.getByRole('menuitem', { name: '组织机构' }).click();
    await page.getByRole('button', { name: '新建机构' }).click();
    const orgDialog = page.getByRole('dialog');
    await pickRegion(page, orgDialog, '所在区划', '行唐县');
    await selectOption(page, orgDialog.getByRole('combobox', { name: '机构类型' }), '安委办');
    await orgDialog.getByLabel('机构名称').fill(orgName);
    // Saved: the dialog closes and the organisation exists (a toast may be gone on a slow machine).
    await saveDialog(orgDialog);
    const created = await page.evaluate(async (name) => (await fetch(`/api/orgs?q=${encodeURIComponent(name)}`)).json() as Promise<{ items: { regionCode: string }[] }>, orgName);
    expect(created.items.map((o) => o.regionCode)).toEqual(['130125']);

    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.getByRole('button', { name: '新建用户' }).click();
    const userDialog = page.getByRole('dialog');
    await userDialog.getByLabel('用户名').fill(username);
    await userDialog.getByLabel('姓名').fill('行唐测试员');
    await userDialog.getByRole('combobox', { name: '所属组织' }).fill(orgName.slice(0, 8));
    await page.getByTitle(orgName).click();
    await selectOption(page, userDialog.getByRole('combobox', { name: '角色' }), '安委办工作人员');
    await page.keyboard.press('Escape');
    await userDialog.getByRole('button', { name: '保存' }).click();
    const shown = page.getByTestId('temporary-password');
    await shown.waitFor();
    temporaryPassword = (await shown.inputValue()) || (await shown.textContent()) || '';
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(10);
    await screenshot(page, 'foundation-user-created');
    await page.getByRole('button', { name: '我已记下' }).click();
    await expect.poll(() => page.getByText(username).count(), { timeout: 20_000 }).toBeGreaterThan(0);

    // Switch to English and back out.
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByRole('menuitem', { name: 'Users' }).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await screenshot(page, 'foundation-english');
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('button', { name: /Sign in/ }).count(), { timeout: 20_000 }).toBeGreaterThan(0);
  }));

  it('shows the new user only their county’s subtree, after the forced password change', () => onPage(browser, DESKTOP, 'county-user', async (page) => {
    await signIn(page, username, temporaryPassword);
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('当前密码').fill(temporaryPassword);
    await dialog.getByLabel('新密码', { exact: true }).fill('Xingtang#2026e2e');
    await dialog.getByLabel('确认新密码').fill('Xingtang#2026e2e');
    await saveDialog(dialog);
    await page.getByRole('menuitem', { name: '组织机构' }).click();
    await expect.poll(() => page.getByText(orgName).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // Nothing from 正定县 (the demo county beside it) is visible.
    expect(await page.getByText('正定县安全生产委员会办公室').count()).toBe(0);
    const api = await page.evaluate(async () => (await fetch('/api/orgs?limit=200')).json() as Promise<{ items: { regionCode: string }[] }>);
    expect(api.items.length).toBeGreaterThan(0);
    expect(api.items.every((o) => o.regionCode.startsWith('130125'))).toBe(true);
    await screenshot(page, 'foundation-county-scope');
  }));
});
