import type { SessionUser } from '../../platform/http/context.js';

/** What the user may do with an organisation they can already see (scope is checked in SQL). */
export function orgActions(user: SessionUser): string[] {
  const actions: string[] = [];
  if (user.permissions.has('org.update')) actions.push('update');
  if (user.permissions.has('user.create')) actions.push('create_user');
  return actions;
}
