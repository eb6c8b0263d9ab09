import type { BlacklistFlag, Enterprise, EnterpriseScale, EnterpriseStatus } from '@anjian/domain';
import type { SessionUser } from '../../platform/http/context.js';
import type { RoutingService } from '../routing/index.js';
import { enterpriseActions } from './enterprises.policy.js';
import type { EnterpriseRow, EnterprisesRepository } from './enterprises.repository.js';

export type SupervisingDepartment = Enterprise['supervisingDepartment'];

/**
 * 三管三必须 for many enterprises at once: one routing lookup per distinct (region, primary
 * industry) pair — enterprises of one village share it — and one query for the names.
 */
export function createDepartmentResolver(deps: { routing: Pick<RoutingService, 'supervisingDepartment'>; repo: EnterprisesRepository }) {
  const ids = new Map<string, Promise<string | null>>();
  const names = new Map<string, { name: string; region_code: string }>();

  return async function resolve(rows: Pick<EnterpriseRow, 'region_code' | 'industries'>[]): Promise<SupervisingDepartment[]> {
    const pending = rows.map((row) => {
      const industry = row.industries[0];
      if (industry === undefined) return Promise.resolve(null);
      const key = `${row.region_code}/${industry}`;
      let id = ids.get(key);
      if (!id) {
        id = deps.routing.supervisingDepartment(row.region_code, industry);
        ids.set(key, id);
      }
      return id;
    });
    const found = await Promise.all(pending);
    const missing = [...new Set(found.filter((id): id is string => id !== null && !names.has(id)))];
    for (const [id, dept] of await deps.repo.departments(missing)) names.set(id, dept);
    return found.map((id) => {
      const dept = id === null ? undefined : names.get(id);
      return id !== null && dept ? { id, name: dept.name, regionCode: dept.region_code } : null;
    });
  };
}

export function presentEnterprise(row: EnterpriseRow, user: SessionUser, supervisingDepartment: SupervisingDepartment, blacklist: BlacklistFlag | null = null): Enterprise {
  const status = row.status as EnterpriseStatus;
  return {
    id: row.id,
    name: row.name,
    uscc: row.uscc,
    regionCode: row.region_code,
    regionName: row.region_name,
    address: row.address,
    location: row.latitude !== null && row.longitude !== null ? { latitude: Number(row.latitude), longitude: Number(row.longitude) } : null,
    industries: row.industries,
    scale: row.scale as EnterpriseScale,
    legalRepresentative: row.legal_representative,
    principal: row.principal,
    actualController: row.actual_controller,
    safetyContacts: row.safety_contacts,
    status,
    statusReason: row.status_reason,
    statusChangedAt: row.status_changed_at?.toISOString() ?? null,
    supervisingDepartment,
    blacklist,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    actions: enterpriseActions(user, status),
  };
}
