import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launch, onPage, saveDialog, signIn } from '../support/browser.js';

/*
 * An accident's page shows each day limit with its last day still on time, and the
 * supplement form (补报) sends only the figures the user changed (issue 9).
 */
const DEMO_PASSWORD = 'Anjian@2026';
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const HOUR = 3_600_000;
/** The Shanghai wall clock of an instant: 'YYYY-MM-DD HH:mm'. */
const shanghai = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 24 * HOUR).toISOString().slice(0, 10);
const due = (page: Page, key: string) => page.getByTestId(`clock-${key}`).getByTestId('clock-due');

describe('an accident on the web', () => {
  it('shows the last day of every day limit and supplements only the figures changed', async () => {
    await onPage(browser, DESKTOP, 'accident-supplement', async (page) => {
      await signIn(page, 'zd.office', DEMO_PASSWORD);
      await page.getByTestId('user-menu').waitFor();
      // 较大 by its 12 serious injuries and its ¥20 M, with one death; two hours ago.
      const occurred = Math.floor((Date.now() - 2 * HOUR) / 60_000) * 60_000;
      const res = await page.request.post('/api/accidents', {
        data: {
          occurredAt: new Date(occurred).toISOString(), regionCode: '130123', place: `E2E补报${occurred.toString(36).slice(-4)}`, category: 'industrial_mining_trade',
          industryCode: 'construction', deaths: 1, missing: 0, seriousInjuries: 12, minorInjuries: 3, directLossYuan: 20_000_000, summary: '脚手架坍塌',
        },
      });
      expect(res.status(), await res.text()).toBe(201);
      const id = (await res.json()).id as string;
      await page.goto(`/accidents/${id}`);
      await page.locator('[data-testid=accident-detail][data-grade=major]').waitFor();

      // 30 and 60 days after the day of occurrence: those days are the last on time, to 24:00.
      const occurredOn = shanghai(occurred).slice(0, 10);
      expect(await due(page, 'supplement_window').textContent()).toBe(`${plusDays(occurredOn, 30)} 24:00`);
      expect(await due(page, 'investigation_report').textContent()).toBe(`${plusDays(occurredOn, 60)} 24:00`);
      // The hour limit is the exact minute.
      expect(await due(page, 'initial_report').textContent()).toBe(shanghai(occurred + HOUR));

      // Nothing changed: the form says so and sends nothing.
      await page.getByRole('button', { name: /补报伤亡/ }).click();
      const dialog = page.getByRole('dialog');
      let sent = 0;
      page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/supplements')) sent += 1; });
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.getByText('没有修改任何数字').waitFor();
      expect(sent).toBe(0);

      // One more death: only the deaths are sent, and the accident stays 较大.
      await dialog.getByLabel('死亡人数').fill('2');
      const [request] = await Promise.all([
        page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/api/accidents/${id}/supplements`)),
        saveDialog(dialog),
      ]);
      const body = request.postDataJSON() as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['changedAt', 'deaths']);
      expect(body.deaths).toBe(2);
      await page.getByTestId('supplement-named').filter({ hasText: '死亡人数 2' }).waitFor();
      expect(await page.getByTestId('accident-detail').getAttribute('data-grade')).toBe('major');
      // The current figures (shown first) keep the 12 serious injuries and the loss.
      const figures = await page.getByTestId('figures').first().textContent();
      expect(figures).toContain('重伤人数12');
      expect(figures).toContain('20,000,000');
    });
  });
});
