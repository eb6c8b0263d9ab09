import { importRegions } from './modules/regions/index.js';
import { createAuditChainer } from './platform/audit/audit.chainer.js';
import { auditKeyring } from './platform/audit/audit.checkpoint.js';
import { verifyAuditChain } from './platform/audit/audit.verify.js';
import { createAuditWriter } from './platform/audit/audit.writer.js';
import { loadConfig, type Config } from './platform/config.js';
import { connect, type Connection } from './platform/db/connect.js';
import { createDatabase } from './platform/db/database.js';
import { migrateDown, migrateToLatest } from './platform/db/migrate.js';
import { adoptDatabase, OWNER_ROLE } from './platform/db/roles.js';
import { systemContext } from './platform/http/context.js';
import { rotateKeyring } from './platform/secrets/keyring.js';

/**
 * Operator commands. Each uses DATABASE_URL (DATABASE_OWNER_URL to migrate), or joins the
 * embedded server of a running platform, or starts the embedded server just for the command.
 *   audit:verify                recompute the audit chain against the checkpoints; exit 1 naming the first broken row
 *   keys:rotate audit           add a new audit key; rows are linked with it from then on, older ones still verify
 *   regions:import [13 44 …]    import the tree and the named provinces' villages (idempotent)
 *   migrate:latest | migrate:down
 *   db:adopt                    hand an external database created before the roles to anjian_owner (DATABASE_ADMIN_URL)
 */
type Command = (args: string[], connection: Connection, config: Config) => Promise<number>;

function ownerUrl(connection: Connection): string {
  if (!connection.ownerUrl) throw new Error('migrations run as the schema owner: set DATABASE_OWNER_URL (README, "Database roles")');
  return connection.ownerUrl;
}

const commands: Record<string, Command> = {
  async 'audit:verify'(_args, connection, config) {
    const db = createDatabase(connection.url, { max: 1 });
    try {
      const keyring = await auditKeyring(config.dataDir, { create: false });
      // Rows committed since the server last linked (or after it stopped) are linked first.
      const linked = await createAuditChainer(db.db, async () => keyring).chain();
      const report = await verifyAuditChain(db.db, { keyring, dataDir: config.dataDir });
      if (report.ok) {
        console.log(`audit chain intact: ${report.rowsChecked} rows verified${linked ? ` (${linked} linked just now)` : ''}, ${report.checkpoints} checkpoints (the last at link ${report.checkpointedThrough ?? 0})${report.pending ? `, ${report.pending} written meanwhile and not yet linked` : ''}`);
        return 0;
      }
      const broken = report.firstBroken!;
      console.error(`audit chain BROKEN at ${broken.id === null ? '' : `row ${broken.id}, `}link ${broken.seq}: ${broken.reason} (${report.rowsChecked} rows before it verified)`);
      return 1;
    } finally {
      await db.close();
    }
  },
  async 'keys:rotate'(args, connection, config) {
    if (args.length !== 1 || args[0] !== 'audit') {
      console.error('usage: keys:rotate audit');
      return 2;
    }
    const before = await auditKeyring(config.dataDir, { create: false });
    const after = await rotateKeyring(config.dataDir, 'audit');
    const db = createDatabase(connection.url, { max: 1 });
    try {
      const audit = createAuditWriter({ algorithm: config.auditHash, now: () => new Date() });
      await audit.record(db.db, systemContext('cli'), { action: 'audit.key_rotate', objectType: 'audit_key', objectId: after.current.id, result: 'success', details: { previous: before.current.id, keyring: after.source } });
    } finally {
      await db.close();
    }
    console.log(`audit key ${after.current.id} added to ${after.source}: rows are linked with it from the server's next chain run; keep every older key (they verify the rows they linked) and back the file up`);
    return 0;
  },
  async 'regions:import'(args, connection) {
    const provinces = args.filter((a) => /^[1-9]\d$/.test(a));
    if (provinces.length !== args.length) {
      console.error('usage: regions:import [two-digit province codes…]  e.g. regions:import 13 44');
      return 2;
    }
    const result = await importRegions(connection.ownerUrl ?? connection.url, provinces);
    console.log(`regions: ${result.rows} rows read, ${result.inserted} inserted, ${result.updated} updated in ${result.millis} ms`);
    return 0;
  },
  async 'db:adopt'() {
    const adminUrl = process.env.DATABASE_ADMIN_URL;
    if (!adminUrl) {
      console.error('db:adopt needs DATABASE_ADMIN_URL: a superuser connection to the database to hand over');
      return 2;
    }
    const database = decodeURIComponent(new URL(adminUrl).pathname.slice(1));
    await adoptDatabase(adminUrl, database);
    console.log(`database ${database} and everything in its public schema now belong to ${OWNER_ROLE}`);
    return 0;
  },
  async 'migrate:latest'(_args, connection) {
    const db = createDatabase(ownerUrl(connection), { max: 1 });
    try {
      for (const line of await migrateToLatest(db.db)) console.log(line);
      return 0;
    } finally {
      await db.close();
    }
  },
  async 'migrate:down'(_args, connection) {
    const db = createDatabase(ownerUrl(connection), { max: 1 });
    try {
      for (const line of await migrateDown(db.db)) console.log(line);
      return 0;
    } finally {
      await db.close();
    }
  },
};

async function main() {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(`usage: cli <${Object.keys(commands).join(' | ')}> [args]`);
    process.exit(2);
  }
  const config = loadConfig();
  // db:adopt works on DATABASE_ADMIN_URL alone.
  const connection = name === 'db:adopt' ? { url: '', ownerUrl: null, superUrl: null, embedded: false, stop: async () => {} } : await connect(config, { joinRunning: true });
  let code = 1;
  try {
    code = await command(args, connection, config);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
  } finally {
    await connection.stop();
  }
  process.exit(code);
}

void main();
