import { importRegions } from './modules/regions/index.js';
import { createAuditChainer } from './platform/audit/audit.chainer.js';
import { verifyAuditChain } from './platform/audit/audit.verify.js';
import { loadConfig } from './platform/config.js';
import { connect } from './platform/db/connect.js';
import { createDatabase } from './platform/db/database.js';
import { migrateDown, migrateToLatest } from './platform/db/migrate.js';
import type { Config } from './platform/config.js';
import { backupCommand, restoreCommand } from './platform/ops/commands.js';
import { OperatorError } from './platform/ops/operator-error.js';

/**
 * Operator commands. Each uses DATABASE_URL, or joins the embedded server of a running
 * platform, or starts the embedded server just for the command.
 *   audit:verify                recompute the audit chain; exit 1 naming the first broken row
 *   regions:import [13 44 …]    import the tree and the named provinces' villages (idempotent)
 *   migrate:latest | migrate:down
 *   backup [file]               online backup of the embedded database and the data directory
 *   restore <file> [--data-dir D] put a backup into a new, empty data directory
 */
const commands: Record<string, (args: string[], url: string, config: Config) => Promise<number>> = {
  async 'audit:verify'(_args, url) {
    const db = createDatabase(url, { max: 1 });
    try {
      // Rows committed since the server last linked (or after it stopped) are linked first.
      const linked = await createAuditChainer(db.db).chain();
      const report = await verifyAuditChain(db.db);
      if (report.ok) {
        console.log(`audit chain intact: ${report.rowsChecked} rows verified${linked ? ` (${linked} linked just now)` : ''}${report.pending ? `, ${report.pending} written meanwhile and not yet linked` : ''}`);
        return 0;
      }
      console.error(`audit chain BROKEN at row ${report.firstBroken!.id}: ${report.firstBroken!.reason} (${report.rowsChecked} rows before it verified)`);
      return 1;
    } finally {
      await db.close();
    }
  },
  async 'regions:import'(args, url) {
    const provinces = args.filter((a) => /^[1-9]\d$/.test(a));
    if (provinces.length !== args.length) {
      console.error('usage: regions:import [two-digit province codes…]  e.g. regions:import 13 44');
      return 2;
    }
    const result = await importRegions(url, provinces);
    console.log(`regions: ${result.rows} rows read, ${result.inserted} inserted, ${result.updated} updated in ${result.millis} ms`);
    return 0;
  },
  async 'migrate:latest'(_args, url) {
    const db = createDatabase(url, { max: 1 });
    try {
      for (const line of await migrateToLatest(db.db)) console.log(line);
      return 0;
    } finally {
      await db.close();
    }
  },
  backup: backupCommand,
  async 'migrate:down'(_args, url) {
    const db = createDatabase(url, { max: 1 });
    try {
      for (const line of await migrateDown(db.db)) console.log(line);
      return 0;
    } finally {
      await db.close();
    }
  },
};

/** Commands that work on the data directory itself rather than through a connection. */
const offline: Record<string, (args: string[], config: Config) => Promise<number>> = {
  restore: restoreCommand,
};

async function main() {
  const [name, ...args] = process.argv.slice(2);
  const config = loadConfig();
  if (name && offline[name]) return offline[name](args, config);
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(`usage: cli <${[...Object.keys(commands), ...Object.keys(offline)].join(' | ')}> [args]`);
    return 2;
  }
  if (name === 'backup' && config.databaseUrl) return backupCommand(args, '', config);
  const connection = await connect(config, { joinRunning: true });
  try {
    return await command(args, connection.url, config);
  } finally {
    await connection.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // What the operator must do, in one sentence; a stack trace only for the unforeseen.
    if (error instanceof OperatorError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
