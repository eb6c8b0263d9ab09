import crypto from 'node:crypto';
import { sql } from 'kysely';
import { BASELINE_PERMISSIONS, ROLES, type RoleKey } from '@anjian/domain';
import { insertAccident } from '../accident-fixtures.js';
import { makeUscc } from '../factories.js';
import type { TestApp } from '../harness.js';
import { multipartFile, PNG_1X1 } from '../multipart.js';
import type { JsonSchema, Known } from './mutations.js';

/**
 * A small county for the fuzz walk: 正定县's office, a township, a department, an enterprise,
 * a hazard, an accident, a stored file; one account per kind of work, each holding every
 * permission of its kind, so a request passes the permission check and meets the handler.
 */
export async function fuzzWorld(t: TestApp) {
  const f = t.factories;
  const county = await f.org({ type: 'safety_committee_office', regionCode: '130123', name: '正定县安委办' });
  const department = await f.org({ type: 'department', regionCode: '130123', name: '正定县住建局', industries: ['construction'] });
  const enterprise = await f.enterprise({ regionCode: '130123100001', name: '恒安建材有限公司' });
  const business: RoleKey[] = ['committee_office_staff', 'township_staff', 'department_staff', 'leader', 'inspector', 'grid_member'];
  const accounts: { roles: RoleKey[]; id: string; cookie: string }[] = [];
  for (const roles of [business, ['security_admin'], ['system_admin'], ['audit_admin']] as RoleKey[][]) {
    const u = await f.user({ orgId: county, roles });
    accounts.push({ roles, id: u.id, cookie: await t.login(u.username) });
  }
  // Enterprise accounts hold permissions no government role does (case.resumption_apply).
  const officer = await f.user({ orgId: enterprise.id, roles: ['enterprise_safety_officer'] });
  accounts.push({ roles: ['enterprise_safety_officer'], id: officer.id, cookie: await t.login(officer.username) });
  const worker = accounts[0]!;
  const hazard = await f.hazard({ regionCode: '130123100001', enterpriseId: enterprise.id, status: 'rectifying' });
  const accident = await insertAccident(t.db, { regionCode: '130123', reportedBy: worker.id, orgId: county });
  const upload = await t.request({ method: 'POST', url: '/api/files', cookie: worker.cookie, ...multipartFile('file', 'photo.png', 'image/png', PNG_1X1) });
  const file = upload.json<{ id: string }>().id;

  /** The account for an operation's declared access: one that holds the permission. */
  function accountFor(access: string): { cookie: string } {
    if (access === 'public' || access === 'authenticated') return worker;
    const holder = accounts.find((a) => [...BASELINE_PERMISSIONS, ...a.roles.flatMap((r) => ROLES[r].permissions)].includes(access as never));
    if (!holder) throw new Error(`no fuzz account holds ${access}`);
    return holder;
  }

  /** Path parameters by name; `id` by the resource it names (the path's first segment). */
  function pathValues(path: string, names: string[]): Record<string, string> {
    const resource = path.split('/')[2] ?? '';
    const ids: Record<string, string> = {
      orgs: county, users: worker.id, enterprises: enterprise.id, hazards: hazard, accidents: accident, files: file,
      'hazard-reviews': crypto.randomUUID(),
    };
    const byName: Record<string, string> = {
      id: ids[resource] ?? crypto.randomUUID(), code: resource === 'industries' ? 'construction' : '130123',
      regionCode: '130123', industryCode: 'construction', list: 'problems', year: '2026', metric: 'deaths_total',
    };
    return Object.fromEntries(names.map((n) => [n, byName[n] ?? 'x']));
  }

  /** Real values for the fields a plausible body needs (ids in scope, codes that exist). */
  const known: Known = (name: string, schema: JsonSchema) => {
    if (schema.type !== 'string' && !(schema.anyOf || schema.oneOf)) return undefined;
    switch (name) {
      case 'regionCode': return '130123100001';
      case 'provinceCode': return '13';
      case 'industryCode': case 'industry': return 'construction';
      case 'industries': return undefined;
      case 'enterpriseId': return enterprise.id;
      case 'orgId': case 'responsibleOrgId': return county;
      case 'departmentId': case 'supervisingDepartmentId': return department;
      case 'uscc': return makeUscc('130123');
      case 'password': case 'currentPassword': return 'Test@Pass2026';
      case 'newPassword': return 'Fuzz#Pass2027x';
      case 'photos': case 'ids': return undefined;
      default: return undefined;
    }
  };

  return { accountFor, pathValues, known, file };
}

/** Tables whose rows change on their own or only record the attempt; every other table must not change. */
export const BOOKKEEPING = new Set(['audit_log', 'audit_head', 'sessions', 'login_throttle', 'kysely_migration', 'kysely_migration_lock']);

/** Every table's row count and a digest of its rows, in one place to compare before and after. */
export async function snapshot(t: TestApp): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(t.db);
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    if (BOOKKEEPING.has(name)) continue;
    const r = await sql<{ n: number; digest: string }>`select count(*)::int as n, coalesce(md5(string_agg(md5(x::text), '' order by md5(x::text))), '') as digest from ${sql.table(name)} x`.execute(t.db);
    out[name] = `${r.rows[0]!.n} rows ${r.rows[0]!.digest}`;
  }
  return out;
}
