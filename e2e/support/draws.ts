import type { Page } from 'playwright-core';
import { selectOption } from './browser.js';

/** Puts one of the department's inspectors into the plan's pool, with an enforcement certificate. */
export async function addPoolMember(page: Page, name: string, certNo: string): Promise<void> {
  await selectOption(page, page.getByRole('combobox').first(), name);
  await page.getByPlaceholder('执法证号').fill(certNo);
  const date = page.getByPlaceholder('有效期至');
  await date.click();
  await date.fill('2028-12-31');
  await date.press('Enter');
  await page.getByRole('button', { name: '加入人员库' }).click();
  await page.getByRole('cell', { name: certNo }).waitFor();
}

/**
 * 双随机 as a department head does it on the plans page: a new plan, its pool, the inputs fixed
 * (H(seed) published), then the seed revealed and the draw made. Returns the draw's id.
 */
export async function planAndDraw(page: Page, planName: string, inspectors: string[]): Promise<string> {
  await page.goto('/inspection-plans');
  await page.getByRole('button', { name: '新建计划' }).click();
  await page.getByLabel('计划名称').fill(planName);
  await page.getByRole('button', { name: '创建' }).click();
  await page.getByTestId('plan-preview').waitFor();
  const stamp = Date.now() % 100000;
  for (const [i, name] of inspectors.entries()) await addPoolMember(page, name, `E2E执法证${stamp}-${i + 1}`);
  await page.getByRole('button', { name: '发起新一批抽取' }).click();
  await page.getByRole('button', { name: '固定输入并公布承诺' }).click();
  await page.getByTestId('draw-commitment').waitFor();
  await page.getByRole('button', { name: '公开种子并抽取' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByTestId('draw-result').waitFor();
  return page.url().split('/').pop()!;
}
