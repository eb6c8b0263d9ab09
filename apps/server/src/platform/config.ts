import path from 'node:path';
import { PASSWORD_POLICIES, type PasswordPolicy, type PasswordPolicyName } from '@anjian/domain';

export type AuditHashAlgorithm = 'sm3' | 'sha256';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** As root: where the `postgres` user's binaries and data go when it cannot enter dataDir. */
  systemDir: string;
  /** External PostgreSQL; when absent the embedded server under dataDir/pg is used. */
  databaseUrl: string | null;
  /** With DATABASE_URL: the schema owner's connection, used to migrate (platform/db/roles.ts). */
  databaseOwnerUrl: string | null;
  /** Serve even over a connection that could switch the audit log's protection off. */
  insecureDatabaseRole: boolean;
  adminPassword: string | null;
  /** Load the demo province's organisations, users and data on first start. */
  demo: boolean;
  demoProvince: string;
  /** Provinces whose villages are imported on first start (the demo province by default). */
  villageProvinces: string[];
  session: { idleMinutes: number; absoluteHours: number };
  lockout: { threshold: number; baseMinutes: number };
  /** Sign-in attempts one address may make per window, before the per-account lockout is consulted. */
  loginRateLimit: { max: number; windowSeconds: number };
  passwordPolicy: PasswordPolicy;
  auditHash: AuditHashAlgorithm;
  bodyLimitBytes: number;
  trustProxy: boolean;
  logLevel: string;
  webDistDir: string;
  /** Registers the benchmark's raw-INSERT baseline route (bench/ only; never in production). */
  benchBaseline: boolean;
  /** The address people open the web app at, for links the server hands out (activation). */
  publicUrl: string;
  /** How long an administrator's one-time activation link stays valid. */
  activationHours: number;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  return ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || null;
  const policyName = (env.ANJIAN_PASSWORD_POLICY ?? 'dengbao') as PasswordPolicyName;
  if (!(policyName in PASSWORD_POLICIES)) {
    throw new Error(`ANJIAN_PASSWORD_POLICY must be one of ${Object.keys(PASSWORD_POLICIES).join(', ')}`);
  }
  const auditHash = (env.ANJIAN_AUDIT_HASH ?? 'sm3') as AuditHashAlgorithm;
  if (auditHash !== 'sm3' && auditHash !== 'sha256') throw new Error('ANJIAN_AUDIT_HASH must be sm3 or sha256');
  return {
    port: integer(env, 'PORT', 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.ANJIAN_DATA_DIR ?? './data'),
    systemDir: path.resolve(env.ANJIAN_SYSTEM_DIR ?? '/var/lib/anjian'),
    databaseUrl,
    databaseOwnerUrl: env.DATABASE_OWNER_URL || null,
    insecureDatabaseRole: flag(env, 'ANJIAN_INSECURE_DB_ROLE') ?? false,
    adminPassword: env.ANJIAN_ADMIN_PASSWORD || null,
    // A production database (DATABASE_URL) never receives demo data unless asked.
    demo: flag(env, 'ANJIAN_DEMO') ?? databaseUrl === null,
    demoProvince: env.ANJIAN_DEMO_PROVINCE ?? '13',
    villageProvinces: (env.ANJIAN_VILLAGE_PROVINCES ?? env.ANJIAN_DEMO_PROVINCE ?? '13').split(',').map((s) => s.trim()).filter(Boolean),
    session: {
      idleMinutes: integer(env, 'ANJIAN_SESSION_IDLE_MINUTES', 30),
      absoluteHours: integer(env, 'ANJIAN_SESSION_ABSOLUTE_HOURS', 12),
    },
    lockout: {
      threshold: integer(env, 'ANJIAN_LOCKOUT_THRESHOLD', 5),
      baseMinutes: integer(env, 'ANJIAN_LOCKOUT_MINUTES', 15),
    },
    // A county office behind one NAT signs in a few hundred people around 8:30; 30 a minute
    // from one address carries that, while a guesser gets 30 names a minute, not thousands.
    loginRateLimit: {
      max: integer(env, 'ANJIAN_LOGIN_RATE_MAX', 30),
      windowSeconds: integer(env, 'ANJIAN_LOGIN_RATE_WINDOW_SECONDS', 60),
    },
    passwordPolicy: PASSWORD_POLICIES[policyName],
    auditHash,
    bodyLimitBytes: integer(env, 'ANJIAN_BODY_LIMIT_BYTES', 1024 * 1024),
    trustProxy: flag(env, 'ANJIAN_TRUST_PROXY') ?? false,
    logLevel: env.LOG_LEVEL ?? 'info',
    webDistDir: path.resolve(env.ANJIAN_WEB_DIST ?? path.join(import.meta.dirname, '../../../web/dist')),
    benchBaseline: flag(env, 'ANJIAN_BENCH_BASELINE') ?? false,
    publicUrl: (env.ANJIAN_PUBLIC_URL || `http://localhost:${integer(env, 'PORT', 3000)}`).replace(/\/+$/, ''),
    activationHours: integer(env, 'ANJIAN_ACTIVATION_HOURS', 24),
  };
}
