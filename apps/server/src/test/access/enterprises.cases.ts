import crypto from 'node:crypto';
import { goodRow, multipart, workbook } from '../enterprise-workbooks.js';
import { makeUscc } from '../factories.js';
import { REGIONS, type AccessCase } from './world.js';

const uid = () => crypto.randomBytes(3).toString('hex');

/**
 * Access cases for the enterprises module's routes. The target is the world's enterprise
 * (正定恒东建材, in a community of 正定镇): inside C and inside the child township, and the
 * enterprise position's own record — so child and enterprise see it, the sibling does not.
 */
const visibleToAllButSibling = { own: 200, parent: 200, sibling: 404, child: 200, department: 404, siblingDepartment: 404, enterprise: 200, anonymous: 401 };
const everyone = (status: number) => ({ own: status, parent: status, sibling: status, child: status, department: status, siblingDepartment: status, enterprise: status, anonymous: 401 });

export const enterprisesCases: AccessCase[] = [
  {
    route: 'GET /api/enterprises', role: 'committee_office_staff',
    request: () => ({ method: 'GET', url: '/api/enterprises?limit=200' }),
    expect: everyone(200),
    sees: { marker: (w) => w.orgs.enterprise, own: true, parent: true, sibling: false, child: true, department: false, siblingDepartment: false, enterprise: true },
  },
  {
    route: 'GET /api/enterprises/{id}', role: 'committee_office_staff',
    request: (w) => ({ method: 'GET', url: `/api/enterprises/${w.orgs.enterprise}` }),
    expect: visibleToAllButSibling,
  },
  {
    route: 'POST /api/enterprises', role: 'committee_office_staff',
    // Registered at C itself: the child township sees C (its path) but may not register there.
    request: () => ({
      method: 'POST', url: '/api/enterprises',
      payload: {
        name: `访问测试企业${uid()}有限公司`, uscc: makeUscc(REGIONS.own), regionCode: REGIONS.own, address: '正定县测试路1号',
        industries: ['construction'], scale: 'small', legalRepresentative: '王五', principal: '赵六',
      },
    }),
    // The department supervises none of the new enterprise's industries: named on body.industries.
    expect: { own: 201, parent: 201, sibling: 404, child: 403, department: 422, siblingDepartment: 404, enterprise: 403, anonymous: 401 },
  },
  {
    route: 'PATCH /api/enterprises/{id}', role: 'committee_office_staff',
    request: (w) => ({ method: 'PATCH', url: `/api/enterprises/${w.orgs.enterprise}`, payload: { address: '正定镇恒东社区工业路8号' } }),
    // The enterprise position is a safety officer: enterprise.read only.
    expect: { ...visibleToAllButSibling, enterprise: 403 },
  },
  {
    route: 'POST /api/enterprises/{id}/status', role: 'committee_office_staff',
    // A fresh enterprise per call, so the world's own stays operating for other cases.
    request: async (w) => {
      const target = await w.t.factories.enterprise({ regionCode: REGIONS.enterprise });
      return { method: 'POST', url: `/api/enterprises/${target.id}/status`, payload: { status: 'suspended', reason: '重大事故隐患，责令停产整顿' } };
    },
    expect: { ...visibleToAllButSibling, enterprise: 403 },
  },
  {
    route: 'GET /api/enterprises/import-template', role: 'committee_office_staff',
    request: () => ({ method: 'GET', url: '/api/enterprises/import-template' }),
    expect: { ...everyone(200), enterprise: 403 },
  },
  {
    route: 'POST /api/enterprises/import', role: 'committee_office_staff',
    // One row registered at C: in scope for own and parent; for the sibling it is an unknown
    // region and for the child a region above its own, both reported as a bad row (422).
    request: async () => {
      const { payload, headers } = multipart(await workbook([goodRow(REGIONS.own)]));
      return { method: 'POST', url: '/api/enterprises/import', payload, headers };
    },
    // For the department the row's industry is not its own, for the sibling county's the region: a named bad row.
    expect: { own: 200, parent: 200, sibling: 422, child: 422, department: 422, siblingDepartment: 422, enterprise: 403, anonymous: 401 },
  },
  {
    route: 'POST /api/enterprises/import-jobs', role: 'committee_office_staff',
    // The job starts for anyone who may import (rows are checked inside it, see enterprises.import-jobs.int.test.ts); an enterprise may not.
    request: async () => {
      const { payload, headers } = multipart(await workbook([goodRow(REGIONS.own)]));
      return { method: 'POST', url: '/api/enterprises/import-jobs', payload, headers };
    },
    expect: { own: 202, parent: 202, sibling: 202, child: 202, department: 202, siblingDepartment: 202, enterprise: 403, anonymous: 401 },
  },
  {
    route: 'GET /api/enterprises/import-jobs/{id}', role: 'committee_office_staff',
    // A job is its starter's alone: any other id is not found; an enterprise may not import at all.
    request: () => ({ method: 'GET', url: `/api/enterprises/import-jobs/${crypto.randomUUID()}` }),
    expect: { ...everyone(404), enterprise: 403 },
  },
  {
    route: 'GET /api/enterprises/export', role: 'committee_office_staff',
    // The body is a zip, so visibility is checked in enterprises.int.test.ts, not by marker.
    request: () => ({ method: 'GET', url: '/api/enterprises/export' }),
    expect: everyone(200),
  },
];
