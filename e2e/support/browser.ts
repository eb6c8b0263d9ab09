import fs from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Debian's Chromium, started as the machine's network allows (no background fetches). */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1440, height: 900 } };

export async function newPage(browser: Browser, device: typeof PHONE | typeof DESKTOP = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...device, baseURL: inject('baseUrl'), locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(inject('artifactsDir'), `${name}.png`), fullPage: true });
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
}

/** Lets `days` pass for the server (its clock reads the offset file), e.g. for a deadline to fall due. */
export async function advanceServerClock(days: number): Promise<void> {
  await fs.writeFile(inject('clockOffsetFile'), String(days * 86_400_000));
  await new Promise((r) => setTimeout(r, 400));
}

/** Today's date in Asia/Shanghai, n days on. */
export function shanghaiDay(n = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
}

/** A real 1×1 PNG on disk, for file inputs. */
export async function pngFile(name: string): Promise<string> {
  const file = path.join(inject('artifactsDir'), name);
  await fs.writeFile(file, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
  return file;
}

/** Runs `steps` on a fresh page; on failure keeps a screenshot named after the step, to see why. */
export async function onPage(browser: Browser, device: typeof PHONE | typeof DESKTOP, name: string, steps: (page: Page) => Promise<void>): Promise<void> {
  const { context, page } = await newPage(browser, device);
  try {
    await steps(page);
  } catch (error) {
    await screenshot(page, `FAILED-${name}`).catch(() => {});
    throw error;
  } finally {
    await context.close();
  }
}

/**
 * Picks an option of an antd Select: opens it and clicks the option in the dropdown that is
 * actually open (antd keeps closed dropdowns and hidden accessibility copies in the page).
 */
export async function selectOption(page: Page, combobox: Locator, text: string | RegExp): Promise<void> {
  await combobox.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/**
 * Clicks a dialog's save button and waits for the dialog to close. If it stays open, fails
 * with what the dialog says (a field's message, a server error) rather than a bare timeout.
 */
export async function saveDialog(dialog: Locator, button: string | RegExp = /保\s*存|Save/): Promise<void> {
  await dialog.getByRole('button', { name: button }).click();
  try {
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
  } catch (error) {
    const said = await dialog.innerText().catch(() => '(dialog gone)');
    throw new Error(`the dialog did not close after saving; it shows:\n${said}`, { cause: error });
  }
}
