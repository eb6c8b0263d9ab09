import type { AccessCase } from './world.js';

/*
 * The audit log's export and 校验哈希链: audit.read holders anywhere (what they get is scoped like
 * GET /api/audit, which foundation.cases.ts checks row by row); never an enterprise account,
 * never anonymous.
 */
const auditor = { own: 200, parent: 200, sibling: 200, child: 200, department: 200, siblingDepartment: 200, enterprise: 403, anonymous: 401 };

export const auditCases: AccessCase[] = [
  {
    route: 'GET /api/audit/export', role: 'audit_admin',
    request: () => ({ method: 'GET', url: '/api/audit/export?family=auth' }),
    expect: auditor,
  },
  {
    route: 'POST /api/audit/verify', role: 'audit_admin',
    request: () => ({ method: 'POST', url: '/api/audit/verify' }),
    expect: auditor,
  },
];
