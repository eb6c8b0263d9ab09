import type { Tx } from '../db/database.js';

export interface LockoutSettings {
  threshold: number;
  baseMinutes: number;
}

/** Each further lockout doubles the last, up to a day. */
export function lockoutMinutes(settings: LockoutSettings, lockoutCount: number): number {
  return Math.min(settings.baseMinutes * 2 ** Math.max(0, lockoutCount - 1), 24 * 60);
}

export function normaliseLoginName(name: string): string {
  return name.trim().toLowerCase();
}

/** Locks the throttle row for this login name for the rest of the transaction. */
export async function lockedUntil(tx: Tx, loginName: string, now: Date): Promise<Date | null> {
  await tx.insertInto('login_throttle').values({ login_name: loginName }).onConflict((oc) => oc.column('login_name').doNothing()).execute();
  const row = await tx.selectFrom('login_throttle').select('locked_until').where('login_name', '=', loginName).forUpdate().executeTakeFirstOrThrow();
  return row.locked_until && row.locked_until > now ? row.locked_until : null;
}

/** Counts a failure; returns the new lock's end when this failure reached the threshold. */
export async function recordFailure(tx: Tx, loginName: string, now: Date, settings: LockoutSettings): Promise<Date | null> {
  const row = await tx
    .updateTable('login_throttle')
    .set((eb) => ({ failed_count: eb('failed_count', '+', 1), last_failed_at: now }))
    .where('login_name', '=', loginName)
    .returning(['failed_count', 'lockout_count'])
    .executeTakeFirstOrThrow();
  if (row.failed_count < settings.threshold) return null;
  const lockouts = row.lockout_count + 1;
  const until = new Date(now.getTime() + lockoutMinutes(settings, lockouts) * 60_000);
  await tx
    .updateTable('login_throttle')
    .set({ failed_count: 0, lockout_count: lockouts, locked_until: until })
    .where('login_name', '=', loginName)
    .execute();
  return until;
}

export async function clearFailures(tx: Tx, loginName: string): Promise<void> {
  await tx.deleteFrom('login_throttle').where('login_name', '=', loginName).execute();
}
