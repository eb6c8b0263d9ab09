import type { TestApp } from '../../test/harness.js';

export const COUNTY = '130123';
export const VILLAGE = '130123100001';

export const FINE = { kind: 'fine', amountFen: 5_000_000, legalBasis: '《中华人民共和国安全生产法》第一百零一条' };
export const SUSPEND = { kind: 'suspend', legalBasis: '《中华人民共和国安全生产法》第一百零二条', deadline: '2026-06-30', content: '停产整顿储罐区' };
export const RECTIFY = { kind: 'rectify_order', legalBasis: '《中华人民共和国安全生产法》第六十五条', deadline: '2026-04-30', content: '补设可燃气体报警装置' };
export const CLOSE = { kind: 'close', legalBasis: '《中华人民共和国安全生产法》第一百一十三条' };

/**
 * A county's 应急管理局 with a staff member, a chemical enterprise and its safety officer, a
 * 住建局 of the same county (other industries) and one of the next county.
 */
export async function caseWorld(t: TestApp) {
  const f = t.factories;
  const dept = await f.org({ type: 'department', regionCode: COUNTY, name: '正定县应急管理局', industries: ['hazardous_chemicals', 'metallurgy'] });
  const housing = await f.org({ type: 'department', regionCode: COUNTY, name: '正定县住房和城乡建设局', industries: ['construction', 'urban_gas'] });
  const sibling = await f.org({ type: 'department', regionCode: '130125', name: '行唐县应急管理局', industries: ['hazardous_chemicals', 'metallurgy'] });
  const office = await f.org({ type: 'safety_committee_office', regionCode: COUNTY, name: '正定县安委办' });
  const cityOffice = await f.org({ type: 'safety_committee_office', regionCode: '1301', name: '石家庄市安委办' });
  const login = async (orgId: string, role: string) => {
    const u = await f.user({ orgId, roles: [role] });
    return { id: u.id, username: u.username, cookie: await t.login(u.username) };
  };
  const enterprise = await f.enterprise({ regionCode: VILLAGE, name: '正定县恒泰化工有限公司', industries: ['hazardous_chemicals'] });
  const people = {
    staff: await login(dept, 'department_staff'),
    housing: await login(housing, 'department_staff'),
    sibling: await login(sibling, 'department_staff'),
    leader: await login(office, 'leader'),
    enterprise: await login(enterprise.id, 'enterprise_safety_officer'),
  };
  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) => t.request({ method, url, cookie, ...(payload ? { payload } : {}) });
  const post = (cookie: string, url: string, payload: object = {}) => call(cookie, 'POST', url, payload);
  const get = (cookie: string, url: string) => call(cookie, 'GET', url);
  /** Sessions expire when the clock jumps days: sign everyone in again. */
  const relogin = async () => {
    for (const p of Object.values(people)) p.cookie = await t.login(p.username);
  };

  /** A case filed and taken through review and notice, with `measures` proposed. */
  async function notified(measures: object[], enterpriseId = enterprise.id, cause = '未按规定设置可燃气体报警装置') {
    const filed = await post(people.staff.cookie, '/api/cases', { enterpriseId, cause, facts: '2026年3月1日检查发现储罐区未设置可燃气体报警装置。' });
    if (filed.statusCode !== 201) throw new Error(filed.body);
    const id = filed.json().id as string;
    for (const [action, body] of [['investigate', {}], ['submit-review', { facts: '储罐区未设置可燃气体报警装置，有现场检查记录和照片为证。', measures }], ['notify', {}]] as const) {
      const res = await post(people.staff.cookie, `/api/cases/${id}/${action}`, body);
      if (res.statusCode !== 200) throw new Error(`${action}: ${res.body}`);
    }
    return id;
  }

  /** …and decided at once after the party's written waiver. */
  async function decided(measures: object[], enterpriseId = enterprise.id) {
    const id = await notified(measures, enterpriseId);
    await post(people.staff.cookie, `/api/cases/${id}/record-response`, { kind: 'waiver', content: '当事人书面放弃陈述申辩和听证' });
    const res = await post(people.staff.cookie, `/api/cases/${id}/decide`, { measures });
    if (res.statusCode !== 200) throw new Error(`decide: ${res.body}`);
    return id;
  }

  return { orgs: { dept, housing, sibling, office, cityOffice }, enterprise, people, post, get, relogin, notified, decided };
}
