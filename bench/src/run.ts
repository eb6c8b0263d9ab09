import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { connect } from './db.js';
import { Http, ok } from './http.js';
import { generateEnterprises } from './generate/enterprises.js';
import { accidentRows, ACCIDENT_COLUMNS } from './generate/accidents.js';
import { hazardGenerator, pendingSupply } from './generate/hazards.js';
import { loadEnterprises } from './load/enterprises.js';
import { importCsv, loadHazards } from './load/hazards.js';
import { loadHistory, settle } from './load/history.js';
import { loadStructure, PASSWORD, type Structure } from './load/structure.js';
import { copyIn } from './db.js';
import { parseOptions } from './options.js';
import { seeded, shanghaiToday } from './random.js';
import { importSummary, judge, markdown, writeResults, type Results } from './report.js';
import { dashboards, DASHBOARD_ENDPOINTS } from './scenarios/dashboard.js';
import { ledger } from './scenarios/ledger.js';
import { runLoad, type LoadTest } from './scenarios/load.js';
import { diskUse } from './scenarios/memory.js';
import { buildServer, databaseUrl, startServer, type Server } from './server.js';
import { summarise } from './stats.js';
import { readWorld } from './world.js';

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

buildServer(o.root);
fs.rmSync(o.dataDir, { recursive: true, force: true });
fs.mkdirSync(o.dataDir, { recursive: true });
const serverLog = fs.createWriteStream(path.join(o.dataDir, 'server.log'));
let server: Server | null = null;
let db: pg.Client | null = null;
const loadAverageAtStart = os.loadavg().map((v) => Math.round(v * 10) / 10);

async function start(): Promise<{ http: Http; server: Server }> {
  server = await startServer({ root: o.root, dataDir: o.dataDir, province: o.province, log: serverLog });
  return { http: new Http(server.url), server };
}
async function restart(): Promise<{ http: Http; server: Server }> {
  await db?.end();
  await server?.stop();
  const s = await start();
  db = await connect(databaseUrl(o.dataDir));
  return s;
}

try {
  log(`scale ${o.scale}: ${n(1e7).toLocaleString()} hazards, ${n(1e5).toLocaleString()} enterprises, ${n(1e5).toLocaleString()} accidents, ${n(5000)} users; data in ${o.dataDir}`);
  let { http } = await start();
  db = await connect(databaseUrl(o.dataDir));
  const firstStartMillis = server!.startMillis;
  const rssFreshMb = server!.rss();
  phase('first start (bootstrap, regions)');

  const r = seeded(o.seed);
  const today = shanghaiToday();
  const world = await readWorld(db, o.province);
  const structure: Structure = await loadStructure(db, world, r, n(5000));
  const login = (a: { username: string }) => http.login(a.username, PASSWORD);
  let cookies = { province: await login(structure.accounts.province) };
  phase('organisations and users (COPY)');

  let rssPeakLoading = server!.rss();
  const sampler = setInterval(() => { rssPeakLoading = Math.max(rssPeakLoading, server?.rss() ?? 0); }, 200);
  const enterprises = generateEnterprises(world, r, n(1e5));
  const enterpriseLoad = await loadEnterprises(http, cookies.province, enterprises, r);
  log(`enterprises: ${enterprises.length.toLocaleString()} in ${enterpriseLoad.files} .xlsx files`);
  phase('enterprises (.xlsx import)');

  const chunks = await loadHazards({ http, cookie: cookies.province, db, generator: hazardGenerator(world, enterprises, r, n(1e7), today), total: n(1e7), chunk: o.chunk, progress: log });
  phase('hazards (CSV import + raw COPY)');
  const historyEvents = await loadHistory(db, structure.accounts.province, today);
  phase('hazard history events');
  const entRows = (await db.query<{ id: string; region_code: string }>(`select id, region_code from orgs where type = 'enterprise'`)).rows;
  const enterprisesByCounty = new Map<string, string[]>();
  for (const e of entRows) enterprisesByCounty.set(e.region_code.slice(0, 6), [...(enterprisesByCounty.get(e.region_code.slice(0, 6)) ?? []), e.id]);
  const accidents = await copyIn(db, `copy accidents (${ACCIDENT_COLUMNS}) from stdin`, accidentRows({ world, r, count: n(1e5), now: new Date(), reporters: structure.countyReporters, enterprisesByCounty, industries: world.industries }));
  phase('accidents (COPY)');
  clearInterval(sampler);
  const settleMs = await settle(db);
  log(`vacuum analyze + checkpoint: ${settleMs} ms`);
  phase('vacuum analyze');

  // At rest: a fresh process on the loaded database, after its first requests settle.
  ({ http } = await restart());
  cookies = { province: await login(structure.accounts.province) };
  await new Promise((res) => setTimeout(res, 3000));
  const rssAtRestMb = server!.rss();
  const { rows: [pgv] } = await db!.query<{ v: string }>(`select current_setting('server_version') as v`);
  const counts = (await db!.query<{ n: string }>(`select (select count(*) from hazard_events) as n`)).rows[0]!;

  const results: Results = {
    date: new Date().toISOString().slice(0, 10),
    scale: o.scale, seed: o.seed, province: o.province,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model.trim() ?? '?', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.versions.node, postgres: pgv!.v, loadAverageAtStart },
    data: { hazards: n(1e7), 'hazard events': Number(counts.n), enterprises: enterprises.length, accidents, users: structure.users, organisations: structure.orgs, villages: world.villages.length },
    phasesSeconds: phases,
    import: importSummary(chunks),
    enterpriseImport: { files: enterpriseLoad.files, fileMs: summarise(enterpriseLoad.millis) },
    memory: { rssFreshMb, rssAtRestMb, rssPeakLoadingMb: rssPeakLoading },
    targets: [],
  };
  log(`history events ${historyEvents.toLocaleString()}; first start ${firstStartMillis} ms; RSS at rest ${rssAtRestMb} MB`);

  const f = world.focus;
  if (has('dashboard')) {
    results.dashboard = await dashboards({
      regions: { province: world.province.code, city: f.city.code, county: f.county.code, township: f.township.code },
      samples: o.samples, coldRounds: o.coldRounds, progress: log,
      restart: async () => { ({ http } = await restart()); cookies = { province: await login(structure.accounts.province) }; return { http, cookie: cookies.province }; },
    });
    phase('scenario: dashboards');
  }
  const acc = structure.accounts;
  const session = { province: cookies.province, city: await login(acc.city), county: await login(acc.county), township: await login(acc.township) };
  if (has('ledger')) {
    results.ledger = await ledger({
      http, db: db!, samples: o.samples, progress: log,
      scopes: [
        { level: 'province', cookie: session.province, region: world.province.code }, { level: 'city', cookie: session.city, region: f.city.code },
        { level: 'county', cookie: session.county, region: f.county.code }, { level: 'township', cookie: session.township, region: f.township.code },
        { level: 'village', cookie: session.township, region: f.village.code, regionParam: f.village.code },
      ],
    });
    phase('scenario: ledger');
  }
  if (has('load')) {
    // A supply of hazards awaiting acceptance in the county, through the import like the rest.
    const supply = Math.max(300, o.duration * 300);
    await importCsv(http, session.province, pendingSupply(f.county.code, world.villages.map((v) => v.code), r, supply, today), '待验收.csv');
    const ids = (await db!.query<{ id: string }>(`select id from hazards where status = 'pending_acceptance' and title like '待验收隐患%' order by id`)).rows.map((x) => x.id);
    const body = (v: object) => JSON.stringify(v);
    const tests: LoadTest[] = [
      { name: 'baseline (bare INSERT)', requests: [{ method: 'POST', path: '/api/bench/baseline', body: body({ title: '基线', regionCode: f.village.code }) }] },
      { name: 'create hazard', requests: [{ method: 'POST', path: '/api/hazards', cookie: session.township, body: body({ title: '压力测试隐患：消防通道堵塞', level: 'general', source: 'government_inspection', regionCode: f.village.code, foundOn: today }) }] },
      { name: 'list ledger', requests: [{ method: 'GET', path: '/api/hazards?limit=50', cookie: session.county }] },
      { name: 'open dashboard', requests: DASHBOARD_ENDPOINTS.filter((e) => !results.dashboard?.absent.includes(e.name)).map((e) => ({ method: 'GET', path: `${e.path}?${e.query(world.province.code, 'this year', Number(today.slice(0, 4)))}`, cookie: session.province })) },
      { name: 'accept hazard', requests: [{ method: 'POST', path: '/api/hazards/0/accept', cookie: session.county, body: body({ password: PASSWORD, comment: '验收合格' }) }], nextPath: () => { const id = ids.shift(); return id ? `/api/hazards/${id}/accept` : null; } },
    ];
    results.load = [];
    for (const test of tests) {
      const res = await runLoad({ url: server!.url, test, connections: o.connections, duration: o.duration, rss: () => server!.rss() });
      if (res.ok === 0) throw new Error(`load test ${test.name}: no successful response (${JSON.stringify(res.statuses)})`);
      log(`load ${test.name}: ${res.perSecond} req/s, p99 ${res.latency.p99} ms, failed ${res.failed}`);
      results.load.push(res);
    }
    results.memory.rssPeakUnderLoadMb = Math.max(...results.load.map((l) => l.rssPeakMb));
    await new Promise((res) => setTimeout(res, 2000));
    results.memory.rssAfterLoadMb = server!.rss();
    phase('scenario: HTTP under load');
  }
  if (has('memory')) Object.assign(results.memory, await diskUse(db!, o.dataDir));
  ok(await http.get('/api/health', session.province), 'health after the run');
  phases.total = Math.round((performance.now() - t0) / 100) / 10;
  results.targets = judge(results);
  const files = writeResults(results, o.outDir);
  console.log('\n' + markdown(results));
  log(`results: ${path.relative(o.root, files.json)}, ${path.relative(o.root, files.md)}`);
} finally {
  await db?.end().catch(() => {});
  await (server as Server | null)?.stop();
  serverLog.end();
  if (!o.keep) fs.rmSync(o.dataDir, { recursive: true, force: true });
}
