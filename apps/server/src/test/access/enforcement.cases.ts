import { REGIONS, type AccessCase } from './world.js';

/**
 * GET /api/enforcement/figures (modules/inspections): a statistics route that also needs
 * inspection.read. Each government actor gets its own region's figures; enterprise accounts have
 * no statistics. Asked for C explicitly: its parent may, a child (above its own region) is
 * refused with 403, the sibling county and its department do not see C at all (404).
 */
export const enforcementCases: AccessCase[] = [
  {
    route: 'GET /api/enforcement/figures', role: 'department_staff',
    request: () => ({ method: 'GET', url: '/api/enforcement/figures' }),
    expect: { own: 200, parent: 200, sibling: 200, child: 200, department: 200, siblingDepartment: 200, enterprise: 403, anonymous: 401 },
  },
  {
    route: 'GET /api/enforcement/figures', role: 'department_staff',
    request: () => ({ method: 'GET', url: `/api/enforcement/figures?regionCode=${REGIONS.own}&from=2026-01-01&to=2026-12-31` }),
    expect: { own: 200, parent: 200, sibling: 404, child: 403, department: 200, siblingDepartment: 404, enterprise: 403, anonymous: 401 },
  },
];
