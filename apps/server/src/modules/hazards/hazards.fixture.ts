import { PNG_1X1, multipartFile } from '../../test/multipart.js';
import type { TestApp } from '../../test/harness.js';

/**
 * A small county for hazard tests: 正定县 with its committee office and housing bureau (routed
 * for construction), 正定镇 government and a grid member, an enterprise in a village of the
 * town with its safety officer, 石家庄市's office and leader, and 行唐县 beside it.
 */
export async function hazardWorld(t: TestApp) {
  const f = t.factories;
  const org = {
    county: await f.org({ type: 'safety_committee_office', regionCode: '130123' }),
    housing: await f.org({ type: 'department', regionCode: '130123', name: '正定县住建局', industries: ['construction'] }),
    emergency: await f.org({ type: 'department', regionCode: '130123', name: '正定县应急局', industries: ['hazardous_chemicals'] }),
    town: await f.org({ type: 'township_government', regionCode: '130123100' }),
    grid: await f.org({ type: 'grid', regionCode: '130123100' }),
    enterprise: (await f.enterprise({ regionCode: '130123100001', name: '恒安建材有限公司' })).id,
    otherEnterprise: (await f.enterprise({ regionCode: '130123100002', name: '别家公司' })).id,
    city: await f.org({ type: 'safety_committee_office', regionCode: '1301' }),
    sibling: await f.org({ type: 'safety_committee_office', regionCode: '130125' }),
  };
  await t.db.insertInto('industry_routes').values({ region_code: '130123', industry_code: 'construction', department_id: org.housing }).execute();
  const user = async (orgId: string, role: string) => {
    const u = await f.user({ orgId, roles: [role] });
    return { ...u, cookie: await t.login(u.username) };
  };
  const people = {
    grid: await user(org.grid, 'grid_member'),
    town: await user(org.town, 'township_staff'),
    town2: await user(org.town, 'township_staff'),
    county: await user(org.county, 'committee_office_staff'),
    housing: await user(org.housing, 'department_staff'),
    emergency: await user(org.emergency, 'department_staff'),
    officer: await user(org.enterprise, 'enterprise_safety_officer'),
    otherOfficer: await user(org.otherEnterprise, 'enterprise_safety_officer'),
    cityLeader: await user(org.city, 'leader'),
    cityOffice: await user(org.city, 'committee_office_staff'),
    sibling: await user(org.sibling, 'committee_office_staff'),
  };

  async function upload(cookie: string, name = 'photo.png'): Promise<string> {
    const { payload, headers } = multipartFile('file', name, 'image/png', PNG_1X1);
    const res = await t.request({ method: 'POST', url: '/api/files', cookie, payload, headers });
    if (res.statusCode !== 201) throw new Error(`upload failed: ${res.body}`);
    return res.json().id;
  }

  const post = (cookie: string, url: string, payload: object = {}) => t.request({ method: 'POST', url, cookie, payload });

  async function report(overrides: Record<string, unknown> = {}, who = people.grid): Promise<string> {
    const photo = await upload(who.cookie);
    const res = await post(who.cookie, '/api/hazards', {
      title: '脚手架连墙件缺失', level: 'general', source: 'government_inspection', enterpriseId: org.enterprise, industryCode: 'construction',
      foundOn: '2026-06-01', photos: [photo], ...overrides,
    });
    if (res.statusCode !== 201) throw new Error(`report failed: ${res.body}`);
    return res.json().id;
  }

  async function assigned(overrides: Record<string, unknown> = {}, assign: Record<string, unknown> = {}): Promise<string> {
    const id = await report(overrides);
    await post(people.town.cookie, `/api/hazards/${id}/verify`);
    const res = await post(people.town.cookie, `/api/hazards/${id}/assign`, { responsiblePerson: '张三', deadline: '2026-06-15', ...assign });
    if (res.statusCode !== 200) throw new Error(`assign failed: ${res.body}`);
    return id;
  }

  return { org, people, upload, post, report, assigned };
}
