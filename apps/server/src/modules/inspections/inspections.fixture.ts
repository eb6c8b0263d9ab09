import { TEST_PASSWORD, type TestApp } from '../../test/harness.js';
import { PNG_1X1, multipartFile } from '../../test/multipart.js';

/**
 * A county (正定县) with its 应急管理局 (two inspectors and a staff member), its 住建局, a
 * sibling county's 应急管理局, and a combustible-dust enterprise in 正定镇 with its safety officer.
 */
export async function inspectionWorld(t: TestApp) {
  const f = t.factories;
  const emergency = await f.org({ type: 'department', regionCode: '130123', name: '正定县应急管理局', industries: ['metallurgy', 'dust_explosion', 'hazardous_chemicals'] });
  const housing = await f.org({ type: 'department', regionCode: '130123', name: '正定县住房和城乡建设局', industries: ['construction', 'urban_gas'] });
  const sibling = await f.org({ type: 'department', regionCode: '130125', name: '行唐县应急管理局', industries: ['metallurgy', 'dust_explosion', 'hazardous_chemicals'] });
  const enterprise = await f.enterprise({ regionCode: '130123100001', name: '正定县粉尘测试木业有限公司', industries: ['dust_explosion'] });
  const person = async (orgId: string, role: string, displayName: string) => {
    const u = await f.user({ orgId, roles: [role], displayName });
    return { id: u.id, name: displayName, cookie: await t.login(u.username) };
  };
  const people = {
    inspector: await person(emergency, 'inspector', '郑毅'),
    staff: await person(emergency, 'department_staff', '吴刚'),
    other: await person(emergency, 'inspector', '王队员'),
    housing: await person(housing, 'department_staff', '周强'),
    sibling: await person(sibling, 'department_staff', '行唐人员'),
    officer: await person(enterprise.id, 'enterprise_safety_officer', '李娜'),
  };
  const request = (method: 'GET' | 'POST' | 'PUT', cookie: string, url: string, payload?: object) => t.request({ method, url, cookie, ...(payload ? { payload } : {}) });
  const upload = async (cookie: string, bytes: Buffer = PNG_1X1, name = 'p.png'): Promise<string> => {
    const res = await t.request({ method: 'POST', url: '/api/files', cookie, ...multipartFile('file', name, 'image/png', bytes) });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().id as string;
  };
  const checklistId = async (industry: string) => {
    const res = await request('GET', people.inspector.cookie, `/api/inspection-checklists?industryCode=${industry}`);
    return (res.json().items as { id: string; industryCode: string }[])[0]!.id;
  };
  const signatures = (...ps: { id: string }[]) => ps.map((p) => ({ userId: p.id, password: TEST_PASSWORD }));
  return { emergency, housing, sibling, enterprise, people, request, upload, checklistId, signatures };
}
