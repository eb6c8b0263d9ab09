import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { connect } from './db.js';
import { Http, ok } from './http.js';
import { pendingSupply } from './generate/hazards.js';
import { importCsv } from './load/hazards.js';
import { loadProvince, reuseProvince, type Province } from './load/province.js';
import { PASSWORD } from './load/structure.js';
import { parseOptions } from './options.js';
import { seeded, shanghaiToday } from './random.js';
import { importSummary, judge, markdown, writeResults, type Conditions, type Results } from './report.js';
import { dashboards, DASHBOARD_ENDPOINTS } from './scenarios/dashboard.js';
import { ledger } from './scenarios/ledger.js';
import { runLoad, type LoadTest } from './scenarios/load.js';
import { diskUse } from './scenarios/memory.js';
import { buildServer, databaseUrl, startServer, type Server } from './server.js';
import { summarise } from './stats.js';
import { removeDataDir } from './data-dir.js';

/**
 * npm run bench -- --scale S: builds the server, starts it on a fresh data directory, loads a
 * province scaled by S through the platform's own import paths (COPY where it has none), runs
 * the scenarios of issue 5, and writes bench/results/<date>-scale-<S>.json and .md. Times are
 * reported, never judged by the exit code: it fails only when something does not work.
 */
const o = parseOptions(process.argv.slice(2));
const t0 = performance.now();
const phases: Record<string, number> = {};
let mark = performance.now();
const phase = (name: string) => { phases[name] = Math.round((performance.now() - mark) / 100) / 10; mark = performance.now(); };
const log = (line: string) => console.log(`[bench ${Math.round((performance.now() - t0) / 1000)}s] ${line}`);
const has = (s: (typeof o.scenarios)[number]) => o.scenarios.includes(s);
const n = (full: number, min = 1) => Math.max(min, Math.round(full * o.scale));
const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));

buildServer(o.root);
if (!o.reuse) await removeDataDir(o.dataDir);
fs.mkdirSync(o.dataDir, { recursive: true });
const serverLog = fs.createWriteStream(path.join(o.dataDir, 'server.log'), { flags: 'a' });
let server: Server | null = null;
let db: pg.Client | null = null;
const loadAverageAtStart = os.loadavg().map((v) => Math.round(v * 10) / 10);

async function restart(): Promise<Http> {
  await db?.end();
  await server?.stop();
  server = await startServer({ root: o.root, dataDir: o.dataDir, province: o.province, log: serverLog });
  db = await connect(databaseUrl(o.dataDir));
  return new Http(server.url);
}

/**
 * The machine is shared: should the server under test be killed from outside (it happens), it
 * is restarted and the failed step run once more. Sessions live in the database, so cookies
 * survive; the port and the database connection are new.
 */
async function retry<T>(work: (http: Http) => Promise<T>): Promise<T> {
  try {
    return await work(http);
  } catch (error) {
    const died = server?.died();
    if (!died) throw error;
    log(`the server ended unasked (${died}) during a request: restarting it and trying again`);
    http = await restart();
    return work(http);
  }
}
let http: Http;

/** A scenario, run once more on a restarted server should someone else have killed it meanwhile. */
async function scenario<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const died = server?.died();
    if (!died) throw error;
    log(`the server ended unasked (${died}) during ${name}: restarting it and running ${name} again`);
    http = await restart();
    return run();
  }
}

/** After a load test the server may still be working off queued requests: wait until it answers promptly. */
async function drained(http: Http, cookie: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const res = await http.get('/api/health', cookie);
    if (res.status === 200 && res.ms < 50) return;
    await sleep(500);
  }
}

try {
  log(`scale ${o.scale}: ${n(1e7).toLocaleString()} hazards, ${n(1e5).toLocaleString()} enterprises, ${n(1e5).toLocaleString()} accidents, ${n(5000)} users; data in ${o.dataDir}`);
  http = await restart();
  const rssFreshMb = server!.rss();
  phase(o.reuse ? 'start' : 'first start (bootstrap, regions)');
  const today = shanghaiToday();
  let rssPeakLoading = rssFreshMb;
  const sampler = setInterval(() => { rssPeakLoading = Math.max(rssPeakLoading, server?.rss() ?? 0); }, 200);
  const p: Province = o.reuse ? await reuseProvince(db!, o.province)
    : await loadProvince({ http: () => http, db: () => db!, province: o.province, r: seeded(o.seed), today, n, chunk: o.chunk, phase, log, retry });
  clearInterval(sampler);

  // At rest: a fresh process on the loaded database, after its first requests settle.
  http = await restart();
  const login = (a: { username: string }) => http.login(a.username, PASSWORD);
  await login(p.accounts.province);
  await sleep(3000);
  const rssAtRestMb = server!.rss();
  const { rows: [v] } = await db!.query<{ v: string; h: string; e: string }>(`select current_setting('server_version') as v, (select count(*) from hazards) as h, (select count(*) from hazard_events) as e`);
  const results: Results = {
    date: new Date().toISOString().slice(0, 10),
    scale: o.scale, seed: o.seed, province: o.province,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model.trim() ?? '?', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.versions.node, postgres: v!.v, loadAverageAtStart, ...(o.note ? { note: o.note } : {}) },
    data: { hazards: Number(v!.h), 'hazard events': Number(v!.e), ...p.counts, villages: p.world.villages.length },
    phasesSeconds: phases,
    ...(p.loading ? { import: importSummary(p.loading.chunks), enterpriseImport: { files: p.loading.enterpriseFileMs.length, fileMs: summarise(p.loading.enterpriseFileMs) } } : {}),
    memory: { rssFreshMb, rssAtRestMb, rssPeakLoadingMb: rssPeakLoading },
    targets: [],
  };
  log(`${Number(v!.h).toLocaleString()} hazards, ${Number(v!.e).toLocaleString()} events; RSS at rest ${rssAtRestMb} MB`);

  /**
   * What a scenario's figures were measured against: the change log not yet folded into the
   * rollups (the hazard dashboards count it live on every request), the rollup's size, the
   * machine's load. Recorded before and after each dashboard and ledger run.
   */
  const conditions = async (): Promise<Conditions> => {
    const { rows: [c] } = await db!.query<{ log: string; rollup: string; hazards: string }>(
      `select (select count(*) from hazard_changes) as log, (select count(*) from hazard_stats_counts) as rollup, (select count(*) from hazards) as hazards`);
    return { at: new Date().toISOString(), unfoldedLog: Number(c!.log), rollupRows: Number(c!.rollup), hazards: Number(c!.hazards), loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10) };
  };
  results.conditions = [];
  const measured = async <T>(run: number, scenarioName: string, work: () => Promise<T>): Promise<T> => {
    const before = await conditions();
    const out = await work();
    results.conditions!.push({ run, scenario: scenarioName, before, after: await conditions() });
    return out;
  };
  const f = p.world.focus;
  // Results are written after every scenario, so a run cut short keeps what it measured.
  const save = () => { results.machine.loadAverageAtEnd = os.loadavg().map((x) => Math.round(x * 10) / 10); phases.total = Math.round((performance.now() - t0) / 100) / 10; results.targets = judge(results); return writeResults(results, o.outDir); };
  save();
  const acc = p.accounts;
  let session = { province: '', city: '', county: '', township: '' };
  const runDashboards = (run: number) => measured(run, 'dashboards', () => scenario('dashboards', () => dashboards({
    regions: { province: p.world.province.code, city: f.city.code, county: f.county.code, township: f.township.code },
    samples: o.samples, coldRounds: o.coldRounds, progress: log,
    restart: async () => { http = await restart(); return { http, cookie: await login(p.accounts.province) }; },
  })));
  const runLedger = async (run: number) => {
    // The dashboards restart the server: sessions are made again on the current one.
    session = { province: await login(acc.province), city: await login(acc.city), county: await login(acc.county), township: await login(acc.township) };
    return measured(run, 'ledger', () => scenario('the ledger', () => ledger({
      http, db: db!, samples: o.samples, progress: log,
      scopes: [
        { level: 'province', cookie: session.province, region: p.world.province.code }, { level: 'city', cookie: session.city, region: f.city.code },
        { level: 'county', cookie: session.county, region: f.county.code }, { level: 'township', cookie: session.township, region: f.township.code },
        { level: 'village', cookie: session.township, region: f.village.code, regionParam: f.village.code },
      ],
    })));
  };
  // --repeat: the same measurements twice on the same data, so a figure that holds only once shows.
  for (let run = 1; run <= (o.repeat ? 2 : 1); run++) {
    const target: Pick<Results, 'dashboard' | 'ledger'> = run === 1 ? results : (results.repeat = {});
    if (has('dashboard')) {
      target.dashboard = await runDashboards(run);
      phase(`scenario: dashboards${run > 1 ? ` (run ${run})` : ''}`);
      save();
    }
    if (has('ledger')) {
      target.ledger = await runLedger(run);
      phase(`scenario: ledger${run > 1 ? ` (run ${run})` : ''}`);
      save();
    }
  }
  if (!has('ledger')) session = { province: await login(acc.province), city: await login(acc.city), county: await login(acc.county), township: await login(acc.township) };
  if (has('load')) {
    // A supply of hazards awaiting acceptance in the county, through the import like the rest.
    await retry((h) => importCsv(h, session.province, pendingSupply(f.county.code, p.world.villages.map((x) => x.code), seeded(o.seed + 1), Math.max(300, o.duration * 300), today), '待验收.csv'));
    const ids = (await db!.query<{ id: string }>(`select id from hazards where status = 'pending_acceptance' and title like '待验收隐患%' order by id`)).rows.map((x) => x.id);
    const body = (x: object) => JSON.stringify(x);
    // A figure that alone takes over a second at the province would only queue under 50
    // connections and starve the tests after it: it is reported by the dashboard scenario, not loaded here.
    const slow = new Set((results.dashboard?.results ?? []).filter((d) => d.level === 'province' && d.warm.p50 > 1000).map((d) => d.endpoint));
    const dashboardMix = DASHBOARD_ENDPOINTS.filter((e) => !results.dashboard?.absent.includes(e.name) && !slow.has(e.name));
    if (slow.size) log(`open dashboard under load leaves out (over 1 s each at the province): ${[...slow].join(', ')}`);
    results.loadNotes = slow.size ? [`open dashboard leaves out ${[...slow].join(', ')}: over 1 s per request at the province (see the dashboard table)`] : [];
    const tests: LoadTest[] = [
      { name: 'baseline (bare INSERT)', requests: [{ method: 'POST', path: '/api/bench/baseline', body: body({ title: '基线', regionCode: f.village.code }) }] },
      { name: 'create hazard', requests: [{ method: 'POST', path: '/api/hazards', cookie: session.township, body: body({ title: '压力测试隐患：消防通道堵塞', level: 'general', source: 'government_inspection', regionCode: f.village.code, foundOn: today }) }] },
      { name: 'list ledger', requests: [{ method: 'GET', path: '/api/hazards?limit=50', cookie: session.county }] },
      { name: 'open dashboard', requests: dashboardMix.map((e) => ({ method: 'GET', path: `${e.path}?${e.query(p.world.province.code, 'this year', Number(today.slice(0, 4)))}`, cookie: session.province })) },
      { name: 'accept hazard', requests: [{ method: 'POST', path: '/api/hazards/0/accept', cookie: session.county, body: body({ password: PASSWORD, comment: '验收合格' }) }], nextPath: () => { const id = ids.shift(); return id ? `/api/hazards/${id}/accept` : null; } },
    ];
    results.load = [];
    for (const test of tests) {
      const res = await scenario(`load: ${test.name}`, async () => {
        await drained(http, session.province);
        return runLoad({ url: server!.url, test, connections: o.connections, duration: o.duration, rss: () => server!.rss() });
      });
      log(`load ${test.name}: ${res.perSecond} req/s, p99 ${res.latency.p99} ms, ok ${res.ok}, failed ${res.failed}`);
      results.load.push(res);
    }
    results.memory.rssPeakUnderLoadMb = Math.max(...results.load.map((l) => l.rssPeakMb));
    await drained(http, session.province);
    results.memory.rssAfterLoadMb = server!.rss();
    phase('scenario: HTTP under load');
    save();
  }
  if (has('memory')) Object.assign(results.memory, await diskUse(db!, o.dataDir));
  ok(await http.get('/api/health', session.province), 'health after the run');
  const files = save();
  console.log('\n' + markdown(results));
  log(`results: ${path.relative(o.root, files.json)}, ${path.relative(o.root, files.md)}`);
} finally {
  await (db as pg.Client | null)?.end().catch(() => {});
  await (server as Server | null)?.stop();
  serverLog.end();
  if (!o.keep) await removeDataDir(o.dataDir);
}
