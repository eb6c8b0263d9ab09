import crypto from 'node:crypto';
import pg from 'pg';
import { APP_ROLE, OWNER_ROLE, roleUrl } from '../platform/db/roles.js';

/**
 * The test run's role passwords: fixed, so that runs sharing a server (the roles are
 * cluster-wide) never break each other by resetting them. Never point the tests at a server
 * whose anjian_owner / anjian_app serve a real platform.
 */
export const TEST_ROLE_PASSWORDS = { owner: 'anjian-test-owner-2026', app: 'anjian-test-app-2026' };

/** A test database's URL as the owner (migrations) or the application role (everything the app does). */
export const asOwner = (url: string) => roleUrl(url, OWNER_ROLE, TEST_ROLE_PASSWORDS.owner);
export const asApp = (url: string) => roleUrl(url, APP_ROLE, TEST_ROLE_PASSWORDS.app);

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTemplate(adminUrl: string, name: string): Promise<string> {
  await admin(adminUrl, async (c) => {
    await c.query(`drop database if exists ${c.escapeIdentifier(name)}`);
    await c.query(`create database ${c.escapeIdentifier(name)} owner ${OWNER_ROLE}`);
  });
  return withDatabase(adminUrl, name);
}

/** A fresh database cloned from the template: a file-level copy, far faster than migrating. */
export async function cloneTemplate(adminUrl: string, template: string): Promise<{ name: string; url: string }> {
  const name = `anjian_t_${crypto.randomBytes(6).toString('hex')}`;
  await admin(adminUrl, (c) => c.query(`create database ${c.escapeIdentifier(name)} template ${c.escapeIdentifier(template)} owner ${OWNER_ROLE}`));
  return { name, url: withDatabase(adminUrl, name) };
}

export async function dropDatabase(adminUrl: string, name: string, _opts: { template?: boolean } = {}): Promise<void> {
  await admin(adminUrl, (c) => c.query(`drop database if exists ${c.escapeIdentifier(name)} with (force)`));
}

export { withDatabase };
