import fs from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { advanceServerClock, DESKTOP, launch, onPage, PHONE, pngFile, screenshot, selectOption, shanghaiDay, signIn } from '../support/browser.js';
import { planAndDraw } from '../support/draws.js';

/*
 * The enforcement chain of issue 12 as one journey: 应急管理局's head draws enterprises and
 * inspectors; the inspector, on a phone, fails a 判定标准 item of a drawn enterprise; the 重大
 * hazard carries its clause; the department files a case, investigates, has it reviewed,
 * notifies the party, and — once the 告知 days have run on the server's clock — decides a
 * fine and 停产停业整顿; the enterprise is suspended, applies for 复产验收, is refused while
 * its 重大 hazard is open, and resumes once it is closed and the acceptor signs; the
 * 案件查办清单 export holds the case.
 */
const DEMO_PASSWORD = 'Anjian@2026';
const OFFICER_PASSWORD = 'Qy#E2e-Officer2026';
const LAW = '《中华人民共和国安全生产法》';
// The checklists' full titles: an enterprise's own name may hold 冶金 or 化工 too.
const CLAUSED_INDUSTRIES: Record<string, string> = { dust_explosion: '粉尘涉爆企业安全生产检查表', metallurgy: '冶金企业安全生产检查表', hazardous_chemicals: '危险化学品生产经营单位安全生产检查表' };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await advanceServerClock(0);
  await browser?.close();
});

const ok = async (res: { ok(): boolean; status(): number; text(): Promise<string> }, what: string) => {
  expect(res.ok(), `${what}: ${res.status()} ${await res.text()}`).toBe(true);
};

async function as(username: string, password: string, device: typeof PHONE | typeof DESKTOP, name: string, steps: (page: Page) => Promise<void>) {
  await onPage(browser, device, name, async (page) => {
    await signIn(page, username, password);
    await page.getByTestId('user-menu').waitFor();
    await steps(page);
  });
}

/** Clicks one of the case's act buttons and returns its dialog. */
async function openAct(page: Page, label: string) {
  await page.getByRole('button', { name: label }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}
const submitButton = /提\s*交/;

/**
 * Picks an option and makes sure the select shows it: on a loaded machine a click can land
 * while the dropdown is still opening, and the choice silently does not take.
 */
async function choose(page: Page, input: Locator, text: string | RegExp) {
  const root = input.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const shows = async () => {
    const now = (await root.textContent()) ?? '';
    return typeof text === 'string' ? now.includes(text) : text.test(now);
  };
  for (let attempt = 0; attempt < 4 && !(await shows()); attempt++) {
    await selectOption(page, input, text);
    await page.waitForTimeout(300);
  }
  expect(await shows(), `the select shows ${String(text)}`).toBe(true);
}

describe('a case from draw to resumption', () => {
  const run = Date.now().toString(36).slice(-5);
  const enterprise = { id: '', name: '', industry: '' };
  const officer = `qy.e2e${run}`;
  let hazardId = '';
  let caseId = '';
  let caseNumber = '';

  it('zd.emergency draws enterprises and inspectors; a drawn enterprise with a 判定标准 checklist is picked', async () => {
    await as('zd.emergency', DEMO_PASSWORD, DESKTOP, 'cases-draw', async (page) => {
      const drawId = await planAndDraw(page, `E2E执法链计划${run}`, ['郑毅', '冯涛']);
      await screenshot(page, 'cases-1-draw');
      const draw = await (await page.request.get(`/api/draws/${drawId}`)).json() as { pairs: { enterpriseId: string; inspectors: string[] }[] };
      // Team size two from a pool of two: 郑毅 (zd.inspector) is on every pair.
      expect(draw.pairs.every((p) => p.inspectors.some((name) => name.startsWith('郑毅')))).toBe(true);
      for (const pair of draw.pairs) {
        const e = await (await page.request.get(`/api/enterprises/${pair.enterpriseId}`)).json() as { id: string; name: string; status: string; industries: string[] };
        if (e.status !== 'operating' || !(e.industries[0]! in CLAUSED_INDUSTRIES)) continue;
        // Its own 重大 hazard must be the only one standing in the way of 复产 later.
        const major = await (await page.request.get(`/api/hazards?enterpriseId=${e.id}&level=major&limit=50`)).json() as { items: { status: string }[] };
        if (major.items.some((h) => !['closed', 'rejected'].includes(h.status))) continue;
        Object.assign(enterprise, { id: e.id, name: e.name, industry: e.industries[0]! });
        break;
      }
      expect(enterprise.id, 'a drawn enterprise of 冶金/粉尘涉爆/危化 without open 重大 hazards').not.toBe('');
    });
  });

  it('zd.inspector records the inspection on a phone, failing a 判定标准 item: a 重大 hazard with its clause', async () => {
    await as('zd.inspector', DEMO_PASSWORD, PHONE, 'cases-inspect', async (page) => {
      await page.goto('/inspections');
      await page.getByTestId('new-inspection').click();
      await page.getByTestId('start-inspection').waitFor();
      await page.locator('label.ant-radio-button-wrapper', { hasText: '双随机' }).click();
      await page.getByLabel('被检查企业').fill(enterprise.name);
      await page.getByTestId('enterprise-option').filter({ hasText: enterprise.name }).first().click();
      await choose(page, page.getByLabel('检查表'), CLAUSED_INDUSTRIES[enterprise.industry]!);
      await page.getByTestId('start-inspection').click();

      const items = page.getByTestId('check-item');
      await items.first().waitFor();
      const count = await items.count();
      for (let i = 0; i < count; i++) await items.nth(i).getByText('合格', { exact: true }).click();
      // The checklist lists the 判定标准 clauses first; general duties have keys g.*.
      const criterion = items.first();
      expect(await criterion.getAttribute('data-item-key')).not.toMatch(/^g\./);
      await criterion.getByText('不合格', { exact: true }).click();
      await criterion.getByTestId('item-note').fill('现场检查发现该项不符合判定标准');
      await criterion.locator('input[data-testid$=-input]').setInputFiles(await pngFile('case-finding.png'));
      await criterion.locator('[data-uploaded=true]').first().waitFor();
      await expect.poll(() => page.getByTestId('progress').textContent()).toBe(`已检 ${count}/${count}`);

      await page.getByTestId('sign').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('sign-password').first().fill(DEMO_PASSWORD);
      await dialog.getByTestId('enterprise-signer').fill('企业安全员');
      await dialog.getByTestId('confirm-sign').click();

      const finding = page.getByTestId('finding-hazard');
      await finding.first().waitFor();
      expect(await finding.count()).toBe(1);
      expect(await finding.textContent()).toContain('重大事故隐患');
      expect(await finding.textContent()).toMatch(/判定标准[^》]*》.*第.+[条项]/);
      await finding.getByTestId('hazard-link').click();
      await page.getByTestId('hazard-detail').waitFor();
      hazardId = page.url().split('/').pop()!;
      expect(await page.getByTestId('hazard-detail').textContent()).toContain('重大事故隐患');
      await screenshot(page, 'cases-2-phone-hazard');
    });
  });

  it('zd.emergency files the case, investigates, has it reviewed (a fine needs its legal basis) and notifies the party', async () => {
    await as('zd.emergency', DEMO_PASSWORD, DESKTOP, 'cases-file', async (page) => {
      await page.goto('/cases');
      await page.getByTestId('file-case').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('当事人').fill(enterprise.name);
      await page.getByTestId('enterprise-option').filter({ hasText: enterprise.name }).first().click();
      await dialog.getByLabel('案由').fill('存在重大事故隐患未停产整改');
      await dialog.getByLabel('案件基本情况').fill('双随机抽查发现重大事故隐患，企业仍在生产。');
      const hazardsField = dialog.getByLabel('涉及的隐患');
      const picked = hazardsField.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]').locator('.ant-select-selection-item');
      for (let attempt = 0; attempt < 4 && (await picked.count()) === 0; attempt++) {
        await hazardsField.click();
        await page.locator('.ant-select-dropdown:visible [data-testid=case-hazard-option]').filter({ hasText: '重大事故隐患' }).first().click();
        await page.waitForTimeout(300);
      }
      await page.keyboard.press('Escape');
      expect(await picked.count()).toBe(1);
      await screenshot(page, 'cases-3-file');
      await dialog.getByRole('button', { name: /立\s*案/ }).click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      caseId = page.url().split('/').pop()!;
      caseNumber = (await page.getByTestId('case-number').textContent())!.trim();
      expect(caseNumber).toMatch(/^正应急立〔\d{4}〕\d+号$/);
      const filed = await (await page.request.get(`/api/cases/${caseId}`)).json() as { hazardIds: string[]; enterpriseName: string };
      expect(filed).toMatchObject({ hazardIds: [hazardId], enterpriseName: enterprise.name });

      await (await openAct(page, '开始调查取证')).getByRole('button', { name: submitButton }).click();
      await page.getByRole('button', { name: '提交法制审核' }).waitFor();

      const review = await openAct(page, '提交法制审核');
      await review.getByLabel('违法事实及证据').fill('经调查，该单位存在重大事故隐患仍组织生产，有现场检查记录、照片和询问笔录为证。');
      await review.getByRole('button', { name: '添加措施' }).click();
      await review.locator('#measures_0_yuan').fill('50000');
      await review.getByRole('button', { name: '添加措施' }).click();
      await choose(page, review.locator('#measures_1_kind'), '停产停业整顿');
      await review.locator('#measures_1_legalBasis').fill(`${LAW}第一百零二条`);
      // A fine without its legal basis: refused, the reason on the field, nothing written.
      await review.getByRole('button', { name: submitButton }).click();
      const basisError = review.locator('.ant-form-item-has-error').filter({ has: page.locator('#measures_0_legalBasis') }).locator('.ant-form-item-explain-error');
      await expect.poll(() => basisError.textContent()).toContain('法律依据不能为空');
      await screenshot(page, 'cases-4-basis-required');
      expect((await (await page.request.get(`/api/cases/${caseId}`)).json()).status).toBe('investigating');
      await review.locator('#measures_0_legalBasis').fill(`${LAW}第一百零二条`);
      await review.getByRole('button', { name: submitButton }).click();
      await review.waitFor({ state: 'hidden', timeout: 30_000 });

      await (await openAct(page, '审核通过并告知')).getByRole('button', { name: submitButton }).click();
      await page.getByRole('button', { name: '作出处罚决定' }).waitFor();
      await expect.poll(async () => (await page.getByText('行政处罚告知书').count()) > 0).toBe(true);
      await screenshot(page, 'cases-5-notified');

      // Deciding while the hearing period runs: refused, and the dialog says until when.
      const early = await openAct(page, '作出处罚决定');
      await early.getByRole('button', { name: submitButton }).click();
      await expect.poll(() => early.getByTestId('act-error').textContent()).toMatch(/听证申请期.*届满/);
      await early.getByTestId('act-error').scrollIntoViewIfNeeded();
      await screenshot(page, 'cases-6-decide-too-early');
      expect((await (await page.request.get(`/api/cases/${caseId}`)).json()).status).toBe('notified');
    });
  });

  it('after the 告知 days, the decision (fine and 停产停业整顿) suspends the enterprise', async () => {
    // The party's five days to ask for a hearing pass on the server's clock.
    await advanceServerClock(6);
    await as('zd.emergency', DEMO_PASSWORD, DESKTOP, 'cases-decide', async (page) => {
      await page.goto(`/cases/${caseId}`);
      const decide = await openAct(page, '作出处罚决定');
      // The decision starts from what was notified.
      expect(Number(await decide.locator('#measures_0_yuan').inputValue())).toBe(50000);
      expect(await decide.locator('#measures_0_legalBasis').inputValue()).toBe(`${LAW}第一百零二条`);
      await decide.getByRole('button', { name: submitButton }).click();
      await decide.waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: '送达' }).waitFor();
      await expect.poll(async () => (await page.getByText('停产停业整顿决定书').count()) > 0).toBe(true);
      expect(await page.getByText('行政处罚决定书').count()).toBeGreaterThan(0);
      await screenshot(page, 'cases-7-decided');

      await page.goto(`/enterprises/${enterprise.id}`);
      await expect.poll(() => page.getByTestId('enterprise-status').textContent()).toBe('停产整顿');
      expect(await page.getByText(caseNumber).count()).toBeGreaterThan(0);
      await screenshot(page, 'cases-8-enterprise-suspended');

      // The enterprise's account, made by the administrator (the demo has none for this enterprise).
      const admin = await page.context().browser()!.newContext({ baseURL: inject('baseUrl') });
      try {
        await ok(await admin.request.post('/api/auth/login', { data: { username: 'admin', password: inject('adminPassword') } }), 'admin login');
        await ok(await admin.request.post('/api/users', { data: { username: officer, displayName: '企业安全员E2E', orgId: enterprise.id, roles: ['enterprise_safety_officer'], password: `Tmp#${run}-Pass2026` } }), 'create the enterprise account');
      } finally {
        await admin.close();
      }
      // Its first sign-in asks for a new password.
      const first = await page.context().browser()!.newContext({ baseURL: inject('baseUrl') });
      try {
        await ok(await first.request.post('/api/auth/login', { data: { username: officer, password: `Tmp#${run}-Pass2026` } }), 'officer login');
        await ok(await first.request.post('/api/auth/password', { data: { currentPassword: `Tmp#${run}-Pass2026`, newPassword: OFFICER_PASSWORD } }), 'first password change');
      } finally {
        await first.close();
      }
    });
  });

  it('the enterprise sees its suspension and applies for 复产验收', async () => {
    await onPage(browser, PHONE, 'cases-apply', async (page) => {
      await signIn(page, officer, OFFICER_PASSWORD);
      await page.getByTestId('user-menu').waitFor();
      await page.goto(`/enterprises/${enterprise.id}`);
      await expect.poll(() => page.getByTestId('enterprise-status').textContent()).toBe('停产整顿');

      await page.goto('/enforcement');
      await page.getByTestId('apply-resumption').click();
      const dialog = page.getByRole('dialog');
      // Nothing said: the field says what is missing.
      await dialog.getByRole('button', { name: submitButton }).click();
      await expect.poll(() => dialog.locator('.ant-form-item-explain-error').textContent()).toBe('请说明整改情况');
      await dialog.getByLabel('整改情况说明').fill('泄爆装置已按规范补设，隐患已整改，申请复产验收。');
      await dialog.getByRole('button', { name: submitButton }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => page.getByText('待验收').count()).toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId('apply-resumption').count()).toBe(0);
      await screenshot(page, 'cases-9-applied-phone');
    });
  });

  it('the acceptor is refused while the 重大 hazard is open; once it is closed, signs, and the enterprise resumes', async () => {
    await as('zd.emergency', DEMO_PASSWORD, DESKTOP, 'cases-accept', async (page) => {
      const row = () => page.locator('tr', { hasText: enterprise.name }).filter({ hasText: '待验收' });
      const accept = async () => {
        await page.goto('/enforcement');
        await row().getByTestId('accept-resumption').click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('复查结论').fill('现场复查：隐患已整改，符合复产条件');
        await dialog.getByLabel('验收人签字（输入本人登录密码）').fill(DEMO_PASSWORD);
        await dialog.getByRole('button', { name: submitButton }).click();
        return dialog;
      };
      const refused = await accept();
      await expect.poll(() => refused.getByTestId('resumption-error').textContent()).toContain('重大事故隐患未整改销号');
      await screenshot(page, 'cases-10-refused-open-hazard');
      await refused.getByRole('button', { name: /取\s*消/ }).click();

      // The hazard loop, by the hands it belongs to: verified and assigned by the department,
      // rectified by the enterprise, accepted (signed) by the department.
      await ok(await page.request.post(`/api/hazards/${hazardId}/verify`, { data: {} }), 'verify');
      const deadline = shanghaiDay(6 + 10);
      await ok(await page.request.post(`/api/hazards/${hazardId}/assign`, {
        data: { responsiblePerson: '企业主要负责人', deadline, plan: { responsibility: '企业主要负责人', measures: '补设泄爆装置', funds: '企业自筹 5 万元', deadline, contingencyPlan: '整改期间停产' } },
      }), 'assign');
      const enterpriseSide = await browser.newContext({ baseURL: inject('baseUrl') });
      try {
        await ok(await enterpriseSide.request.post('/api/auth/login', { data: { username: officer, password: OFFICER_PASSWORD } }), 'officer login');
        const photo = await enterpriseSide.request.post('/api/files', { multipart: { file: { name: 'fixed.png', mimeType: 'image/png', buffer: await fs.readFile(await pngFile('case-fixed.png')) } } });
        await ok(photo, 'upload');
        await ok(await enterpriseSide.request.post(`/api/hazards/${hazardId}/submit-for-acceptance`, { data: { photos: [(await photo.json()).id], comment: '已补设泄爆装置' } }), 'submit for acceptance');
      } finally {
        await enterpriseSide.close();
      }
      await ok(await page.request.post(`/api/hazards/${hazardId}/accept`, { data: { password: DEMO_PASSWORD, comment: '复查合格', rootCause: '除尘系统设计缺陷', loopholeFixed: '补设泄爆装置并纳入设备台账' } }), 'accept the hazard');

      const accepted = await accept();
      await accepted.waitFor({ state: 'hidden' });
      await expect.poll(() => page.locator('tr', { hasText: enterprise.name }).filter({ hasText: '验收合格' }).count()).toBeGreaterThan(0);
      await screenshot(page, 'cases-11-accepted');

      await page.goto(`/enterprises/${enterprise.id}`);
      await expect.poll(() => page.getByTestId('enterprise-status').textContent()).toBe('正常');
      // Why it operates again, and who signed: the acceptor.
      expect(await page.getByTestId('enterprise-resumed').textContent()).toMatch(/复产验收合格（吴刚/);
      await screenshot(page, 'cases-12-enterprise-resumed');
    });
  });

  it('the 案件查办清单 export holds the case', async () => {
    await as('zd.emergency', DEMO_PASSWORD, DESKTOP, 'cases-list-export', async (page) => {
      await page.goto('/hazard-lists?list=cases');
      await page.getByTestId('list-tab-cases').waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('list-export').click()]);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await fs.readFile((await download.path())!) as unknown as ArrayBuffer);
      const cells = book.worksheets[0]!.getSheetValues().flat().map((v) => String(v ?? ''));
      expect(cells).toContain(caseNumber);
      await screenshot(page, 'cases-13-list');
    });
  });
});
