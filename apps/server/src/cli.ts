import os from 'node:os';
import { PII_STORES } from './bootstrap.js';
import { importRegions } from './modules/regions/index.js';
import { createActivations, createOperator } from './modules/users/index.js';
import { createAuditWriter } from './platform/audit/audit.writer.js';
import { createSessionStore } from './platform/auth/sessions.js';
import type { Config } from './platform/config.js';
import { rotatePiiKey } from './platform/secrets/pii-store.js';
import { createAuditChainer } from './platform/audit/audit.chainer.js';
import { verifyAuditChain } from './platform/audit/audit.verify.js';
import { loadConfig } from './platform/config.js';
import { connect } from './platform/db/connect.js';
import { createDatabase } from './platform/db/database.js';
import { migrateDown, migrateToLatest } from './platform/db/migrate.js';
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
 *   admin:grant <username> <system_admin|audit_admin> --org <org id> [--name <display name>]
 *                               a new administrator account, granted out of band (三权分立);
 *                               prints a one-time activation link for its holder
 *   admin:activate <username>   void a system/audit administrator's password, print a new link
 *   admin:disable <username> | admin:enable <username>
 *   keys:rotate pii             append a personal-data key and re-encrypt every row under it
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
  'admin:grant': (args, url, config) => operatorCommand(url, config, async (op) => {
    const [username, role, ...rest] = args;
    const orgId = option(rest, '--org');
    if (!username || !role || !orgId) throw new OperatorError('usage: admin:grant <username> <system_admin|audit_admin> --org <org id> [--name <display name>]');
    const r = await op.grant({ username, role, orgId, displayName: option(rest, '--name') });
    console.log(`granted ${role} to the new account ${r.username} (${r.org})`);
    printLink(config, r);
  }),
  'admin:activate': (args, url, config) => operatorCommand(url, config, async (op) => {
    if (!args[0]) throw new OperatorError('usage: admin:activate <username>');
    const r = await op.reactivate(args[0]);
    console.log(`${r.username}: password voided and sessions ended`);
    printLink(config, r);
  }),
  'admin:disable': (args, url, config) => operatorCommand(url, config, async (op) => {
    if (!args[0]) throw new OperatorError('usage: admin:disable <username>');
    console.log(`${(await op.setStatus(args[0], 'disabled')).username} disabled; its sessions ended`);
  }),
  'admin:enable': (args, url, config) => operatorCommand(url, config, async (op) => {
    if (!args[0]) throw new OperatorError('usage: admin:enable <username>');
    console.log(`${(await op.setStatus(args[0], 'active')).username} enabled`);
  }),
  async 'keys:rotate'(args, url, config) {
    if (args[0] !== 'pii' || args.length !== 1) {
      console.error('usage: keys:rotate pii   (the audit key is rotated by the audit chain’s own command)');
      return 2;
    }
    const db = createDatabase(url, { max: 2 });
    try {
      const r = await rotatePiiKey(db.db, config.dataDir, PII_STORES);
      console.log(r.appended ? `new personal-data key ${r.keyId} appended to ${config.dataDir}/keys/pii.keys` : `re-encrypting under ${r.keyId}, the last key in ANJIAN_PII_KEYS`);
      for (const [store, n] of Object.entries(r.rewritten)) console.log(`  ${store}: ${n} rows re-encrypted; now per key: ${JSON.stringify(r.byKey[store])}`);
      console.log('Back up the key file now: backups of the database taken from here on need this key.');
      return 0;
    } finally {
      await db.close();
    }
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
  } catch (error) {
    if (!(error instanceof OperatorError)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    await db.close();
  }
}
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
