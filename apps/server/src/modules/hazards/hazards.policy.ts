import type { HazardAction } from '@anjian/domain';
import type { SessionUser } from '../../platform/http/context.js';

/** The acts of the unit doing the work: only that unit performs them. */
const RECTIFY_ACTS: readonly HazardAction[] = ['progress', 'request_extension', 'submit_for_acceptance'];

interface Responsibility {
  responsible_org_id: string | null;
  enterprise_id: string | null;
}

/** The organisation rectifying: the one named at assignment, else the hazard's enterprise. */
export function isResponsible(user: SessionUser, h: Responsibility): boolean {
  return h.responsible_org_id !== null ? h.responsible_org_id === user.orgId : h.enterprise_id === user.orgId;
}

/**
 * Record-level rules on top of the permission table: a township holding hazard.rectify
 * (for what it must fix itself) may not report progress on an enterprise's hazard, and the
 * unit that asked for more time may not grant it to itself.
 */
export function recordAllows(user: SessionUser, h: Responsibility, action: HazardAction): boolean {
  if (RECTIFY_ACTS.includes(action)) return isResponsible(user, h);
  if (action === 'decide_extension') return !isResponsible(user, h);
  return true;
}
