import { MANUAL_STATUS_CHANGES, type EnterpriseStatus } from '@anjian/domain';
import type { SessionUser } from '../../platform/http/context.js';

const STATUS_ACTIONS: Record<EnterpriseStatus, string> = { operating: 'resume', suspended: 'suspend', closed: 'close' };

/**
 * What the user may do with an enterprise they can already see (scope is checked in SQL).
 * Government staff edit the record and change its status; an enterprise's principal keeps
 * its own contacts current ('update_contacts'); nobody acts on a closed enterprise.
 */
export function enterpriseActions(user: SessionUser, status: EnterpriseStatus): string[] {
  if (!user.permissions.has('enterprise.update')) return [];
  if (user.orgType === 'enterprise') return status === 'closed' ? [] : ['update_contacts'];
  const actions = ['update'];
  for (const to of MANUAL_STATUS_CHANGES[status]) actions.push(STATUS_ACTIONS[to]);
  return actions;
}
