import os from 'node:os';
import { PII_STORES } from './bootstrap.js';
import { importRegions } from './modules/regions/index.js';
import { createActivations, createOperator } from './modules/users/index.js';
import { createSessionStore } from './platform/auth/sessions.js';
import { auditKeyring } from './platform/audit/audit.checkpoint.js';
import { chainAndVerify } from './platform/audit/audit.verify.js';
import { createAuditWriter } from './platform/audit/audit.writer.js';
import { loadConfig, type Config } from './platform/config.js';
import { connect, type Connection } from './platform/db/connect.js';
import { createDatabase } from './platform/db/database.js';
import { migrateDown, migrateToLatest } from './platform/db/migrate.js';
import { adoptDatabase, OWNER_ROLE } from './platform/db/roles.js';
import { systemContext } from './platform/http/context.js';
import { backupCommand, restoreCommand } from './platform/ops/commands.js';
import { OperatorError } from './platform/ops/operator-error.js';
import { rotateKeyring } from './platform/secrets/keyring.js';
import { rotatePiiKey } from './platform/secrets/pii-store.js';

/**
 * Operator commands. Each uses DATABASE_URL (DATABASE_OWNER_URL to migrate), or joins the
 * embedded server of a running platform, or starts the embedded server just for the command.
 *   audit:verify                recompute the audit chain against the checkpoints; exit 1 naming the first broken row
 *   keys:rotate audit           add a new audit key; rows are linked with it from then on, older ones still verify
 *   regions:import [13 44 …]    import the tree and the named provinces' villages (idempotent)
 *   migrate:latest | migrate:down
 *   db:adopt                    hand an external database created before the roles to anjian_owner (DATABASE_ADMIN_URL)
 *   backup [file]               online backup of the embedded database and the data directory
 *   restore <file> [--data-dir D] put a backup into a new, empty data directory
 *   admin:grant <username> <system_admin|audit_admin> --org <org id> [--name <display name>]
 *                               a new administrator account, granted out of band (三权分立);
 *                               prints a one-time activation link for its holder
 *   admin:activate <username>   void a system/audit administrator's password, print a new link
 *   admin:disable <username> | admin:enable <username>
 *   keys:rotate pii             append a personal-data key and re-encrypt every row under it
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
      const report = await chainAndVerify(db.db, { keyring, dataDir: config.dataDir });
      const linked = report.linkedNow;
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
    if (args.length === 1 && args[0] === 'pii') return rotatePii(connection, config);
    if (args.length !== 1 || args[0] !== 'audit') {
      console.error('usage: keys:rotate audit | keys:rotate pii');
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
  backup: (args, _connection, config) => backupCommand(args, '', config),
  'admin:grant': (args, connection, config) => operatorCommand(connection.url, config, async (op) => {
    const [username, role, ...rest] = args;
    const orgId = option(rest, '--org');
    if (!username || !role || !orgId) throw new OperatorError('usage: admin:grant <username> <system_admin|audit_admin> --org <org id> [--name <display name>]');
    const r = await op.grant({ username, role, orgId, displayName: option(rest, '--name') });
    console.log(`granted ${role} to the new account ${r.username} (${r.org})`);
    printLink(config, r);
  }),
  'admin:activate': (args, connection, config) => operatorCommand(connection.url, config, async (op) => {
    if (!args[0]) throw new OperatorError('usage: admin:activate <username>');
    const r = await op.reactivate(args[0]);
    console.log(`${r.username}: password voided and sessions ended`);
    printLink(config, r);
  }),
  'admin:disable': (args, connection, config) => operatorCommand(connection.url, config, async (op) => {
    if (!args[0]) throw new OperatorError('usage: admin:disable <username>');
    console.log(`${(await op.setStatus(args[0], 'disabled')).username} disabled; its sessions ended`);
  }),
  'admin:enable': (args, connection, config) => operatorCommand(connection.url, config, async (op) => {
    if (!args[0]) throw new OperatorError('usage: admin:enable <username>');
    console.log(`${(await op.setStatus(args[0], 'active')).username} enabled`);
  }),
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

/** Appends a personal-data key and re-encrypts every row under it. */
async function rotatePii(connection: Connection, config: Config): Promise<number> {
  const db = createDatabase(connection.url, { max: 2 });
  try {
    const r = await rotatePiiKey(db.db, config.dataDir, PII_STORES);
    console.log(r.appended ? `new personal-data key ${r.keyId} appended to ${config.dataDir}/keys/pii.keys` : `re-encrypting under ${r.keyId}, the last key in ANJIAN_PII_KEYS`);
    for (const [store, n] of Object.entries(r.rewritten)) console.log(`  ${store}: ${n} rows re-encrypted; now per key: ${JSON.stringify(r.byKey[store])}`);
    console.log('Back up the key file now: backups of the database taken from here on need this key.');
    return 0;
  } finally {
    await db.close();
  }
}

/** The value following the option `name` (e.g. --org) in args, if any. */
function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function printLink(config: Config, r: { token: string; expiresAt: Date }) {
  const until = new Date(r.expiresAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  console.log(`\nOne-time activation link, valid until ${until} (Asia/Shanghai). Hand it to the holder only;`);
  console.log('whoever opens it sets the password, and it works once:\n');
  console.log(`  ${config.publicUrl}/activate#${r.token}\n`);
}

/** Runs an operator act; its audit rows name the OS account that ran it. */
async function operatorCommand(url: string, config: Config, act: (op: ReturnType<typeof createOperator>) => Promise<void>): Promise<number> {
  const db = createDatabase(url, { max: 2 });
  try {
    const now = () => new Date();
    const audit = createAuditWriter({ algorithm: config.auditHash, now });
    const sessions = createSessionStore({ db: db.db, settings: config.session, now });
    const activations = createActivations({ db: db.db, audit, sessions, passwordPolicy: config.passwordPolicy, hours: config.activationHours, now });
    await act(createOperator({ db: db.db, audit, activations, sessions, operator: `cli:${process.env.SUDO_USER || os.userInfo().username}` }));
    return 0;
  } finally {
    await db.close();
  }
}

/** Commands that work on the data directory itself rather than through a connection. */
const offline: Record<string, (args: string[], config: Config) => Promise<number>> = {
  restore: restoreCommand,
};

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const config = loadConfig();
  if (name && offline[name]) return offline[name](args, config);
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(`usage: cli <${[...Object.keys(commands), ...Object.keys(offline)].join(' | ')}> [args]`);
    return 2;
  }
  if (name === 'backup' && config.databaseUrl) return backupCommand(args, '', config);
  // db:adopt works on DATABASE_ADMIN_URL alone.
  const connection = name === 'db:adopt' ? { url: '', ownerUrl: null, superUrl: null, embedded: false, stop: async () => {} } : await connect(config, { joinRunning: true });
  try {
    return await command(args, connection, config);
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
