import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launch, newPage, PHONE, screenshot, shanghaiDay } from '../support/browser.js';

/**
 * The dashboard's first view (apps/web/src/first-view): opened by address, the signed-in user's
 * own figures are drawn from the API before React, as the same markup in the same places, and
 * React takes over without a frame in which they vanish, move or show twice.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** Counted at every animation frame from the first: how many accident cards are visible, and where. */
const WATCH_FRAMES = `
  window.__frames = [];
  const sample = () => {
    const cards = [...document.querySelectorAll('[data-testid="figure-accidents"]')].filter((e) => e.checkVisibility({ visibilityProperty: true }));
    const r = cards[0]?.getBoundingClientRect();
    window.__frames.push({ visible: cards.length, at: r ? [r.x, r.y, r.width, r.height] : null, first: !!document.getElementById('first-view') });
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
`;

interface Snapshot {
  markup: Record<string, string | null>;
  rects: Record<string, number[] | null>;
  values: Record<string, string | null>;
}

/** The first view's or React's rendering (whichever is on screen), markup without React's run-time ids. */
function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => {
    const scope = document.getElementById('first-view') ?? document.getElementById('root')!;
    const q = (s: string) => scope.querySelector(s);
    // antd's hashed and token classes, React Router's marker and useId names differ by design;
    // an empty style attribute (left by antd's Segmented after its motion) has no effect.
    const norm = (e: Element | null) => e && e.outerHTML.replace(/ ?css-var-_[rR]_0_| ?css-[a-z0-9]{6,7}(?=[ "])/g, '').replace(/ data-discover="true"| name="[^"]*"| class=""| style=""/g, '');
    const parts = { heading: '[data-testid="dashboard"] > div', period: '[data-testid="period-label"]', accidents: '[data-testid="section-accidents"]' };
    const boxes = ['dashboard-title', 'drill-breadcrumb', 'period-selector', 'period-label', 'section-accidents', 'figure-accidents', 'figure-deaths', 'figure-serious-injuries', 'figure-minor-injuries', 'figure-direct-loss'];
    const rect = (id: string) => {
      const r = q(`[data-testid="${id}"]`)?.getBoundingClientRect();
      return r ? [r.x, r.y, r.width, r.height] : null;
    };
    const figures = ['figure-accidents', 'figure-deaths', 'figure-serious-injuries', 'figure-minor-injuries', 'figure-direct-loss'];
    return {
      markup: Object.fromEntries(Object.entries(parts).map(([k, s]) => [k, norm(q(s))])),
      rects: Object.fromEntries(boxes.map((id) => [id, rect(id)])),
      values: Object.fromEntries(figures.map((id) => [id, q(`[data-testid="${id}"]`)?.getAttribute('data-value') ?? null])),
    };
  });
}

/** Opens /dashboard by its address, signed in; answers the page's Content-Security-Policy complaints. */
async function openByAddress(page: Page, username: string, language = 'zh-CN'): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.context().request.post('/api/auth/login', { data: { username, password: 'Anjian@2026' } });
  expect(res.ok()).toBe(true);
  await page.addInitScript({ content: `localStorage.setItem('anjian.language', '${language}');${WATCH_FRAMES}` });
  await page.goto('/dashboard', { waitUntil: 'commit' });
  return violations;
}

describe('the dashboard first view (issue 10: first figure ≤ 1 s)', () => {
  for (const [username, language] of [['zd.leader', 'zh-CN'], ['sjz.leader', 'zh-CN'], ['zd.housing', 'zh-CN'], ['zd.leader', 'en-US']] as const) {
    it(`${username} (${language}): the API's own figures before React, then React in the same places, with nothing gone, moved or doubled`, async () => {
      const { context, page } = await newPage(browser, DESKTOP);
      try {
        const violations = await openByAddress(page, username, language);
        await page.locator('#first-view [data-testid="figure-value"]').first().waitFor({ state: 'attached', timeout: 30_000 });
        const first = await snapshot(page);
        await screenshot(page, `first-view-${username}-${language}`);

        // The figures are the user's scope's, from the API as React asks it.
        const me = await (await context.request.get('/api/auth/me')).json() as { org: { regionCode: string } };
        const stats = await (await context.request.get(`/api/stats/accidents?regionCode=${me.org.regionCode}&period=ytd`)).json() as { region: { code: string }; totals: Record<string, { current: number }> };
        expect(first.values).toEqual({
          'figure-accidents': String(stats.totals.accidents!.current),
          'figure-deaths': String(stats.totals.deaths!.current),
          'figure-serious-injuries': String(stats.totals.seriousInjuries!.current),
          'figure-minor-injuries': String(stats.totals.minorInjuries!.current),
          'figure-direct-loss': String(stats.totals.directLossYuan!.current),
        });

        await page.locator('[data-testid=dashboard][data-ready=true]').waitFor({ timeout: 60_000 });
        expect(await page.locator('#first-view').count()).toBe(0);
        const react = await snapshot(page);
        // The same markup…
        expect(first.markup).toEqual(react.markup);
        expect(first.values).toEqual(react.values);
        // …in the same places (to a tenth of a pixel: text metrics may round apart).
        for (const [id, box] of Object.entries(first.rects)) {
          const other = react.rects[id];
          expect(box, id).not.toBeNull();
          box!.forEach((v, i) => expect(Math.abs(v - other![i]!), `${id}[${i}]`).toBeLessThan(0.5));
        }
        // Frame by frame: once the figures are shown they stay, one card, in one place.
        const frames = await page.evaluate('window.__frames') as { visible: number; at: number[] | null; first: boolean }[];
        const from = frames.findIndex((f) => f.visible > 0);
        expect(from).toBeGreaterThanOrEqual(0);
        expect(frames[from]!.first).toBe(true); // drawn by the first view, not by React
        const after = frames.slice(from);
        expect(after.every((f) => f.visible === 1)).toBe(true);
        expect(after.some((f) => !f.first)).toBe(true); // and React took over
        for (const f of after) f.at!.forEach((v, i) => expect(Math.abs(v - frames[from]!.at![i]!)).toBeLessThan(0.5));
        // Drawn under the platform's Content-Security-Policy like the rest.
        expect(violations).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('is not drawn where React answers differently: an enterprise user, a phone, a chosen period', async () => {
    // An enterprise user has no dashboard: no figures are painted, the page is React's.
    const enterprise = await newPage(browser, DESKTOP);
    try {
      await openByAddress(enterprise.page, 'qy.safety');
      await enterprise.page.locator('#root [data-testid]').first().waitFor({ timeout: 60_000 });
      const frames = await enterprise.page.evaluate('window.__frames') as { first: boolean }[];
      expect(frames.some((f) => f.first)).toBe(false);
    } finally {
      await enterprise.context.close();
    }
    // A phone lays the page out otherwise (the drawer menu): React draws it.
    const phone = await newPage(browser, PHONE);
    try {
      await openByAddress(phone.page, 'zd.leader');
      await phone.page.locator('[data-testid=dashboard][data-ready=true]').waitFor({ timeout: 60_000 });
      const frames = await phone.page.evaluate('window.__frames') as { first: boolean }[];
      expect(frames.some((f) => f.first)).toBe(false);
    } finally {
      await phone.context.close();
    }
    // A chosen period in the address: React's answer, not this year's figures.
    const month = await newPage(browser, DESKTOP);
    try {
      const res = await month.context.request.post('/api/auth/login', { data: { username: 'zd.leader', password: 'Anjian@2026' } });
      expect(res.ok()).toBe(true);
      await month.page.addInitScript({ content: WATCH_FRAMES });
      const [year, mm] = shanghaiDay().split('-');
      await month.page.goto(`/dashboard?period=month&year=${year}&month=${Number(mm)}`, { waitUntil: 'commit' });
      await month.page.locator('[data-testid=dashboard][data-ready=true]').waitFor({ timeout: 60_000 });
      const frames = await month.page.evaluate('window.__frames') as { first: boolean }[];
      expect(frames.some((f) => f.first)).toBe(false);
      expect(await month.page.getByTestId('period-label').textContent()).toMatch(/\d{4}年\d{1,2}月/);
    } finally {
      await month.context.close();
    }
  });
});
