/**
 * A narrow timing of the hazard import's code path (not the benchmark): a fresh embedded
 * PostgreSQL, the schema and 河北's region tree, 20,000 enterprises, then `--files` files of
 * `--rows` hazards each (the benchmark's generator) through createHazardImporter, as the
 * platform runs it. Prints rows/s per file. `--keep <dir>` reuses a data directory.
 *
 *   npm run build && node --import tsx bench/src/import-timing.ts --rows 250000 --files 2
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bootstrap } from '../../apps/server/dist/bootstrap.js';
import { createHazardImporter } from '../../apps/server/dist/modules/hazards/hazards.import.js';
import { createAuditWriter } from '../../apps/server/dist/platform/audit/audit.writer.js';
import { connect } from '../../apps/server/dist/platform/db/connect.js';
import { createDatabase } from '../../apps/server/dist/platform/db/database.js';
import { loadConfig } from '../../apps/server/dist/platform/config.js';
import { loadPiiCipher } from '../../apps/server/dist/platform/secrets/pii.js';
import { systemContext, type SessionUser } from '../../apps/server/dist/platform/http/context.js';
import { connect as pgConnect, copyIn, copyRow } from './db.js';
import { generateEnterprises } from './generate/enterprises.js';
import { hazardGenerator } from './generate/hazards.js';
import { seeded, shanghaiToday } from './random.js';
import { readWorld } from './world.js';
import { removeDataDir } from './data-dir.js';

/**
 * CPU seconds spent by the embedded server so far: the postmaster's own and its reaped
 * children's (cutime), plus its live children's. On a shared machine wall time varies with
 * the neighbours' load; CPU time much less.
 */
async function postgresCpuMs(dataDir: string): Promise<number> {
  const tick = 10; // ms per clock tick (CLK_TCK = 100 on Linux)
  const stat = async (pid: string) => (await fs.readFile(`/proc/${pid}/stat`, 'utf8')).replace(/^.*\) /, '').split(' ');
  const postmaster = (await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]!;
  const own = await stat(postmaster);
  let total = (Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14])) * tick;
  for (const pid of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const s = await stat(pid).catch(() => null);
    if (s && s[1] === postmaster) total += (Number(s[11]) + Number(s[12])) * tick;
  }
  return total;
}

const { values } = parseArgs({ options: { rows: { type: 'string', default: '250000' }, files: { type: 'string', default: '2' }, keep: { type: 'string' } } });
const rows = Number(values.rows);
const files = Number(values.files);
const dir = values.keep ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'anjian-import-timing-')));
// As root the database runs as the postgres user, which must reach the directory.
await fs.chmod(dir, 0o755);
const config = loadConfig({ ANJIAN_DATA_DIR: dir, ANJIAN_VILLAGE_PROVINCES: '13' });
const connection = await connect(config, { log: () => {} });
const owner = createDatabase(connection.ownerUrl ?? connection.url, { max: 2 });
const app = createDatabase(connection.url, { max: 4 });
try {
  await bootstrap({ owner: owner.db, app: app.db }, { ownerUrl: connection.ownerUrl ?? connection.url, appUrl: connection.url }, { adminPassword: 'Admin@Timing2026', auditHash: 'sm3', villageProvinces: ['13'], pii: await loadPiiCipher(dir) });
  const su = await pgConnect(connection.superUrl ?? connection.url);
  const world = await readWorld(su, '13');
  const r = seeded(20261207);
  const enterprises = generateEnterprises(world, r, 20_000);
  const existing = Number((await su.query(`select count(*) from enterprises`)).rows[0].count);
  if (existing === 0) {
    await su.query(`create temp table e_stage (name text, uscc text, region_code text, industries text[], scale text)`);
    await copyIn(su, 'copy e_stage from stdin', enterprises.map((e) => copyRow([e.name, e.uscc, e.regionCode, `{${e.industries.join(',')}}`, 'small'])));
    await su.query(`with o as (insert into orgs (type, name, region_code) select 'enterprise', name, region_code from e_stage returning id, name, region_code)
      insert into enterprises (org_id, uscc, address, industries, scale, legal_representative, principal)
      select o.id, s.uscc, '地址', s.industries, s.scale, '张三', '张三' from o join e_stage s using (name, region_code)`);
    await su.query('analyze');
  }
  await su.end();
  const admin = await app.db.selectFrom('users').innerJoin('orgs', 'orgs.id', 'users.org_id').select(['users.id', 'users.org_id', 'orgs.name', 'orgs.region_code'])
    .where('users.username', '=', 'admin').executeTakeFirstOrThrow();
  const user = {
    id: admin.id, username: 'admin', displayName: '管理员', orgId: admin.org_id, orgType: 'safety_committee_office', orgName: admin.name, regionCode: admin.region_code,
    orgIndustries: [], roles: [], permissions: new Set<string>(), mustChangePassword: false, sessionId: 'timing', sessionExpiresAt: new Date(Date.now() + 3_600_000),
  } satisfies SessionUser;
  const importer = createHazardImporter({ db: app.db, databaseUrl: connection.url, audit: createAuditWriter({ algorithm: 'sm3', now: () => new Date() }), now: () => new Date() });
  const generator = hazardGenerator(world, enterprises, r, rows * files, shanghaiToday());
  for (let f = 1; f <= files; f++) {
    const csv = generator.chunk(rows);
    const [pg0, node0] = [await postgresCpuMs(dir), process.cpuUsage()];
    const started = performance.now();
    const result = await importer(systemContext('timing'), user, { kind: 'csv', filename: `timing-${f}.csv`, body: (async function* () { for (let i = 0; i < csv.length; i += 1 << 16) yield csv.subarray(i, i + (1 << 16)); })() } as never);
    const ms = performance.now() - started;
    // The import's connection has closed; its backend's time counts once the postmaster has reaped it.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const pgCpu = (await postgresCpuMs(dir)) - pg0;
    const node = process.cpuUsage(node0);
    console.log(`file ${f}: ${result.imported} rows in ${(ms / 1000).toFixed(1)} s = ${Math.round(result.imported / ms * 1000)} rows/s; CPU: PostgreSQL ${(pgCpu / 1000).toFixed(1)} s, Node ${((node.user + node.system) / 1e6).toFixed(1)} s`);
  }
  const paths = await app.db.selectFrom('audit_log').select((eb) => eb.ref('details').as('d')).where('action', '=', 'hazard.import_batch').execute();
  console.log(`batches inserted as a replica (foreign keys checked once per value): ${paths.filter((p) => p.d?.includes('"replica": true')).length} of ${paths.length}`);
} finally {
  await app.close();
  await owner.close();
  await connection.stop();
  if (!values.keep) await removeDataDir(dir);
}
