import { buildPlatform } from './app.js';
import { startJobs } from './platform/jobs/scheduler.js';
import { sealAuditChain } from './platform/audit/audit.seal.js';
import { createClock } from './platform/clock.js';
import { bootstrap } from './bootstrap.js';
import { seedDemo } from './modules/demo/index.js';
import { loadConfig } from './platform/config.js';
import { loadPiiCipher } from './platform/secrets/pii.js';
import { connect } from './platform/db/connect.js';
import { createDatabase } from './platform/db/database.js';
import { isDatabaseUnavailable } from './platform/db/unavailable.js';
import { OperatorError } from './platform/ops/operator-error.js';
import { StartRefused, unsafeAppConnection } from './platform/db/roles.js';

/** Reads config, starts or joins the database, prepares it, listens; stops cleanly on a signal. */
async function main() {
  const started = Date.now();
  const config = loadConfig();
  const log = (msg: string) => console.log(`[anjian] ${msg}`);
  log(config.databaseUrl ? 'using DATABASE_URL' : `starting embedded PostgreSQL in ${config.dataDir}/pg`);
  let connection: Awaited<ReturnType<typeof connect>>;
  try {
    // Supervised: if the embedded PostgreSQL dies, it is restarted and the pool reconnects.
    connection = await connect(config, { log, supervise: true });
  } catch (error) {
    fail(error);
  }
  // The server serves as an ordinary role (platform/db/roles.ts), never one that could switch the audit log's protection off.
  const unsafe = config.insecureDatabaseRole ? null : await unsafeAppConnection(connection.url);
  if (unsafe) {
    console.error(`[anjian] refusing to start: ${unsafe}`);
    await connection.stop();
    process.exit(1);
  }
  const database = createDatabase(connection.url);
  let app: Awaited<ReturnType<typeof buildPlatform>>['app'] | null = null;
  let stopJobs = () => {};

  let stopping = false;
  const shutdown = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    stopJobs();
    await app?.close().catch(() => {});
    // The last requests' audit rows are linked and checkpointed now, so that removing them is detected.
    if (app) await sealAuditChain(database.db, config).catch((error: unknown) => log(`audit chain not sealed: ${String(error)}`));
    await database.close().catch(() => {});
    await connection.stop().catch(() => {});
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    const pii = await loadPiiCipher(config.dataDir);
    const owner = connection.ownerUrl ? createDatabase(connection.ownerUrl, { max: 2 }) : null;
    const report = await bootstrap({ owner: owner?.db ?? null, app: database.db }, { ownerUrl: connection.ownerUrl, appUrl: connection.url }, { ...config, pii }).finally(() => owner?.close());
    for (const m of report.migrations) log(`migration ${m}`);
    for (const [column, n] of Object.entries(report.piiEncrypted)) if (n > 0) log(`personal data: ${n} rows of ${column} encrypted`);
    for (const v of report.dutyViolations) {
      log(`WARNING 三权分立: account ${v.username} holds ${v.roles.join(' + ')}; an administrator role must be held alone (fix its roles, or cli admin:disable it)`);
    }
    if (report.regionImport) log(`imported ${report.regionImport.rows} regions in ${report.regionImport.millis} ms`);
    if (report.admin.generatedPassword) {
      console.log(`\n  ┌──────────────────────────────────────────────┐\n  │ admin password (shown once): ${report.admin.generatedPassword.padEnd(16)}│\n  └──────────────────────────────────────────────┘\n`);
    }
    if (config.demo) {
      const demo = await seedDemo(database.db, { ...config, pii });
      if (demo.created) log(`demo data loaded for province ${config.demoProvince}: ${demo.summary}`);
    }
    log(`audit chain: ${(await sealAuditChain(database.db, config)) || 'checkpoint current'}`);
    const now = createClock();
    const platform = await buildPlatform({ db: database.db, config, databaseUrl: connection.url, embedded: connection.embedded, now, pii });
    app = platform.app;
    await app.listen({ port: config.port, host: config.host });
    stopJobs = startJobs(database.db, platform.jobs, log, now);
    log(`ready on http://localhost:${config.port} in ${Date.now() - started} ms`);
  } catch (error) {
    report(error);
    await shutdown('startup failure', 1);
  }
}

/** What the operator must do, in one sentence; a stack trace only for what we did not foresee. */
function report(error: unknown): void {
  if (error instanceof OperatorError) console.error(`[anjian] cannot start: ${error.message}`);
  else if (error instanceof StartRefused) console.error(`[anjian] refusing to start: ${error.message}`);
  else if (isDatabaseUnavailable(error)) console.error('[anjian] cannot start: the database cannot be reached; check that PostgreSQL runs and that DATABASE_URL names it.');
  else console.error(error);
}

function fail(error: unknown): never {
  report(error);
  process.exit(1);
}

void main();
