import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { removeDataDir } from './data-dir.js';

/**
 * npm run bench:web — what a user's browser downloads and waits for (issue 10): the built
 * server on a fresh data directory with the demo data, driven by Debian's Chromium over
 * loopback. Each measurement starts with an empty cache (a new browser context):
 *   - the sign-in page: JavaScript transferred (compressed bytes on the wire);
 *   - the dashboard, signed in, cold: JavaScript transferred, and the time from navigation to
 *     the animation frame that first draws a figure (the median of several cold loads).
 * Figures go to bench/results/<date>-web.json and .md; like every benchmark here, it reports and
 * never fails on time. Run `npm run build` first.
 */
const root = path.resolve(import.meta.dirname, '../..');
const dataDir = path.join(root, 'bench', '.web-data');
const outDir = path.join(root, 'bench', 'results');
const ROUNDS = 5;
const TARGETS = { loginJsKb: 250, dashboardJsKb: 700, firstFigureMs: 1000 };
const USER = { username: 'zd.leader', password: process.env.ANJIAN_DEMO_PASSWORD ?? 'Anjian@2026' };

const freePort = () => new Promise<number>((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const port = (s.address() as net.AddressInfo).port;
    s.close(() => resolve(port));
  });
});

async function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  await removeDataDir(dataDir);
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'apps/server/dist/main.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ANJIAN_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = fs.createWriteStream(path.join(root, 'bench', '.web-server.log'));
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}); see bench/.web-server.log`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/** Compressed bytes of every script the page fetched, counted as they finish. */
function countScripts(page: Page): () => Promise<number> {
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'script') sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
  });
  return async () => (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
}

/**
 * Installed before the page's own scripts: notes the animation frame in which the first figure
 * is drawn (the frame after the figure enters the document). Reading performance.now() after
 * Playwright sees the element would add the wait for whatever long task runs next (the charts).
 * It runs in the page, so it is page script text (bench is compiled without DOM types).
 */
const WATCH_FIRST_FIGURE = `
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-testid="figure-value"]')) return;
    observer.disconnect();
    requestAnimationFrame(() => (window.__firstFigure = performance.now()));
  }).observe(document, { childList: true, subtree: true });
`;

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const fresh = (): Promise<BrowserContext> => browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  try {
    // Warm the server itself once (its first statistics query plans and caches), not the browser.
    const warm = await fresh();
    await warm.request.post('/api/auth/login', { data: USER });
    await warm.request.get('/api/stats/accidents');
    await warm.close();

    const login: number[] = [];
    const dashboardJs: number[] = [];
    const firstFigure: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const a = await fresh();
      const p = await a.newPage();
      const scripts = countScripts(p);
      await p.goto('/login', { waitUntil: 'networkidle' });
      await p.getByRole('button', { name: /登\s*录/ }).waitFor();
      login.push(await scripts());
      await a.close();

      const b = await fresh();
      const res = await b.request.post('/api/auth/login', { data: USER });
      if (!res.ok()) throw new Error(`sign-in failed: ${res.status()} ${await res.text()}`);
      await b.addInitScript({ content: WATCH_FIRST_FIGURE });
      const page = await b.newPage();
      const dashScripts = countScripts(page);
      await page.goto('/dashboard', { waitUntil: 'commit' });
      await page.getByTestId('figure-value').first().waitFor({ timeout: 60_000 });
      await page.waitForFunction('window.__firstFigure !== undefined');
      firstFigure.push(Number(await page.evaluate('window.__firstFigure')));
      // The whole dashboard, not only its first figures (drawn before React since the first
      // view, apps/web/src/first-view): every section's data and chunks, charts included.
      await page.locator('[data-testid="dashboard"][data-ready="true"]').waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      dashboardJs.push(await dashScripts());
      await b.close();
    }
    const results = {
      date: new Date().toISOString(),
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
      rounds: ROUNDS,
      loginJsKb: kb(median(login)),
      dashboardJsKb: kb(median(dashboardJs)),
      firstFigureMs: Math.round(median(firstFigure)),
      samples: { loginJsKb: login.map(kb), dashboardJsKb: dashboardJs.map(kb), firstFigureMs: firstFigure.map(Math.round) },
      targets: TARGETS,
    };
    const met = (v: number, t: number) => (v <= t ? 'met' : 'NOT met');
    const md = [
      `# Web load — ${results.date.slice(0, 10)}`,
      '',
      `Built server, demo data, Chromium over loopback, empty cache each time; median of ${ROUNDS}. Signed in as ${USER.username}.`,
      '',
      '| measure | result | target | |',
      '|---|---|---|---|',
      `| sign-in page, JavaScript transferred | ${results.loginJsKb} kB | ≤ ${TARGETS.loginJsKb} kB | ${met(results.loginJsKb, TARGETS.loginJsKb)} |`,
      `| dashboard cold, JavaScript transferred | ${results.dashboardJsKb} kB | ≤ ${TARGETS.dashboardJsKb} kB | ${met(results.dashboardJsKb, TARGETS.dashboardJsKb)} |`,
      `| dashboard cold, first figure on screen | ${results.firstFigureMs} ms | ≤ ${TARGETS.firstFigureMs} ms | ${met(results.firstFigureMs, TARGETS.firstFigureMs)} |`,
      '',
    ].join('\n');
    fs.mkdirSync(outDir, { recursive: true });
    const base = path.join(outDir, `${results.date.slice(0, 10)}-web`);
    fs.writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
    fs.writeFileSync(`${base}.md`, md);
    console.log(md);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
