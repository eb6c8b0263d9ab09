import { sql } from 'kysely';
import { addDays, BASELINE_PERMISSIONS, ROLES, shanghaiDate, type CaseAction } from '@anjian/domain';
import type { Tx } from '../../platform/db/database.js';
import { createFileStorage } from '../../platform/files/storage.js';
import { systemContext, type SessionUser } from '../../platform/http/context.js';
import { createDocumentGenerator } from '../cases/cases.documents.js';
import { createCaseHandlers } from '../cases/cases.handlers.js';
import { createCasesRepository } from '../cases/cases.repository.js';
import { fileCaseIn } from '../cases/cases.service.js';
import { actOnCase } from '../cases/cases.workflow.js';
import { documentParty, type EnterpriseSummary } from '../enterprises/index.js';
import { DEMO_CASES, DEMO_HOUSING_CASE, type DemoCase } from './demo-cases.data.js';
import { DEMO_ENTERPRISE_NAME } from './demo-enterprises.js';
import type { DemoStep } from './index.js';

/** Noon in Shanghai, `days` before today. */
const dayAt = (today: string, days: number) => new Date(`${addDays(today, -days)}T04:00:00Z`);

/**
 * 正定县's enforcement: cases of 应急管理局 (zd.emergency) in every state of the table, one of
 * 住建局 (zd.housing) against 恒安建材 (the qy.* accounts see it, its documents and their
 * 复产验收 application), with their PDFs. The cases go through the module's own acts and
 * guards, backdated day by day; one enterprise is suspended and waiting for acceptance, one
 * resumed after acceptance, one closed with its re-checks, one blacklisted, one 约谈.
 */
export const demoCases: DemoStep = {
  name: 'enforcement cases',
  present: async (db) => (await db.selectFrom('cases').select('id').where('org_region_code', '=', '130123').limit(1).executeTakeFirst()) !== undefined,
  async seed(tx: Tx, ctx) {
    if (!ctx.dataDir) return 'skipped: no data directory for the documents';
    const today = shanghaiDate(ctx.now);
    const actor = async (username: string): Promise<SessionUser | null> => {
      const u = await tx.selectFrom('users as u').innerJoin('orgs as o', 'o.id', 'u.org_id').select(['u.id', 'u.username', 'u.display_name', 'o.id as org_id', 'o.type', 'o.name', 'o.region_code', 'o.industries'])
        .where('u.username', '=', username).executeTakeFirst();
      if (!u) return null;
      return {
        id: u.id, username: u.username, displayName: u.display_name, orgId: u.org_id, orgType: u.type, orgName: u.name, regionCode: u.region_code, orgIndustries: u.industries,
        roles: ['department_staff'], permissions: new Set<string>([...BASELINE_PERMISSIONS, ...ROLES.department_staff.permissions]), mustChangePassword: false, sessionId: 'demo', sessionExpiresAt: ctx.now,
      };
    };
    const emergency = await actor('zd.emergency');
    const housing = await actor('zd.housing');
    const safety = await tx.selectFrom('users').select('id').where('username', '=', 'qy.safety').executeTakeFirst();
    if (!emergency || !housing) return 'skipped: the demo departments have no accounts';

    const enterprises = async (industries: string[], limit: number): Promise<EnterpriseSummary[]> => (await sql<{ id: string; name: string; region_code: string; industries: string[]; status: string }>`
      select o.id, o.name, o.region_code, e.industries, e.status from orgs o join enterprises e on e.org_id = o.id
      where o.region_code like '130123%' and e.status = 'operating' and e.industries[1] = any(${industries}::text[]) and o.name <> ${DEMO_ENTERPRISE_NAME}
      order by o.name limit ${limit}`.execute(tx)).rows.map((r) => ({ id: r.id, name: r.name, regionCode: r.region_code, industries: r.industries, status: r.status as 'operating' }));
    const targets = await enterprises(emergency.orgIndustries, DEMO_CASES.length);
    const hengan = (await sql<{ id: string; name: string; region_code: string; industries: string[] }>`
      select o.id, o.name, o.region_code, e.industries from orgs o join enterprises e on e.org_id = o.id where o.name = ${DEMO_ENTERPRISE_NAME}`.execute(tx)).rows[0];

    const repo = createCasesRepository();
    const generate = createDocumentGenerator({ repo, storage: createFileStorage(ctx.dataDir), party: documentParty });
    let clock = ctx.now;
    // The enterprise's status follows the decisions, as the enterprises module would set it.
    const orderStatus = async (t: Tx, _c: unknown, enterpriseId: string, status: 'operating' | 'suspended' | 'closed', reason: string) => {
      await t.updateTable('enterprises').set({ status, status_reason: reason, status_changed_at: clock }).where('org_id', '=', enterpriseId).execute();
      return { from: status, to: status, changed: true };
    };
    const handlers = createCaseHandlers({ repo, generate, orderStatus: orderStatus as never });
    // Seeded data, not acts of a person: like the other demo steps it leaves no audit rows.
    const audit = { record: async () => {} };
    const context = systemContext('demo');

    /**
     * Runs the scripts day by day across all cases (oldest first), so that each organisation's
     * 案号 and 文号 follow the order of the days they were issued on, as a real series does.
     */
    async function runAll(scripts: { c: DemoCase; user: SessionUser; enterprise: EnterpriseSummary }[]): Promise<string[]> {
      const ids: string[] = [];
      const events = scripts.flatMap((x, i) => [{ ago: x.c.filedAgo, i, s: -1 }, ...x.c.steps.map(([ago], s) => ({ ago, i, s }))])
        .sort((p, q) => q.ago - p.ago || p.i - q.i || p.s - q.s);
      for (const { ago, i, s: step } of events) {
        const { c, user, enterprise } = scripts[i]!;
        clock = dayAt(today, ago);
        if (step === -1) {
          ids[i] = await fileCaseIn(tx, { repo, audit }, context, user, enterprise, {
            cause: c.cause, facts: c.facts, source: c.source ?? 'inspection', hazardIds: [], filedOn: shanghaiDate(clock), industry: enterprise.industries[0] ?? null,
          }, clock);
          // The 现场检查记录 the case was opened on: every case, whatever its state, has at least this PDF.
          await generate(tx, await tx.selectFrom('cases').selectAll().where('id', '=', ids[i]!).executeTakeFirstOrThrow(), 'inspection_record', user, clock);
          continue;
        }
        const [, action, body] = c.steps[step]!;
        await actOnCase({ repo, audit }, tx, context, user, ids[i]!, action as CaseAction, handlers[action as CaseAction], typeof body === 'function' ? body(today) : body, clock);
      }
      return ids;
    }

    const scripts = DEMO_CASES.slice(0, targets.length).map((c, i) => ({ c, user: emergency, enterprise: targets[i]! }));
    const caseIds = await runAll(scripts);
    const ids: Record<string, { id: string; enterprise: EnterpriseSummary }> = Object.fromEntries(scripts.map((x, i) => [x.c.key, { id: caseIds[i]!, enterprise: x.enterprise }]));

    // 复产验收 passed: the resumed enterprise (a paper application, entered by the department).
    const resumed = ids.resumed;
    if (resumed) {
      await tx.insertInto('resumptions').values({
        enterprise_id: resumed.enterprise.id, enterprise_name: resumed.enterprise.name, region_code: resumed.enterprise.regionCode, industry_code: resumed.enterprise.industries[0] ?? null,
        case_id: resumed.id, status: 'accepted', statement: '已按停产停业整顿决定完成整改（企业书面申请，执法人员代录）', applied_by: emergency.id, applied_at: dayAt(today, 24),
        items: JSON.stringify([{ item: '重大事故隐患已全部整改销号', passed: true }, { item: '安全管理制度和操作规程已修订', passed: true }, { item: '从业人员已重新培训考核', passed: true }]),
        summary: '复查合格，同意恢复生产', decided_by: emergency.id, decided_by_name: emergency.displayName, decided_at: dayAt(today, 21),
      }).execute();
      await tx.updateTable('enterprises').set({ status: 'operating', status_reason: `复产验收合格（${emergency.displayName} 签字）`, status_changed_at: dayAt(today, 21) }).where('org_id', '=', resumed.enterprise.id).execute();
    }
    // 黑名单: the enterprise of the closed case, for a year.
    const listed = ids.closed_case;
    if (listed) {
      const from = addDays(today, -50);
      const entry = await tx.insertInto('blacklist_entries').values({
        enterprise_id: listed.enterprise.id, enterprise_name: listed.enterprise.name, region_code: listed.enterprise.regionCode, case_id: listed.id,
        reason: '一年内因同一违法行为受到两次以上行政处罚，拒不整改', legal_basis: '《安全生产严重失信主体名单管理办法》第五条', from_on: from, to_on: addDays(from, 365),
        issuing_level: 3, issuing_org_id: emergency.orgId, issuing_org_name: emergency.orgName, created_by: emergency.id, created_at: dayAt(today, 50),
      }).returning('id').executeTakeFirstOrThrow();
      await tx.insertInto('blacklist_events').values({ entry_id: entry.id, action: 'listed', reason: '一年内因同一违法行为受到两次以上行政处罚', actor_id: emergency.id, actor_name: emergency.displayName, at: dayAt(today, 50) }).execute();
      await tx.insertInto('interviews').values({
        enterprise_id: listed.enterprise.id, enterprise_name: listed.enterprise.name, region_code: listed.enterprise.regionCode, industry_code: listed.enterprise.industries[0] ?? null,
        org_id: emergency.orgId, org_name: emergency.orgName, held_on: addDays(today, -52), principal: '企业主要负责人', attendees: [emergency.displayName, '郑毅（执法大队）', '正定县安委办 陈静'],
        case_ids: [listed.id], hazard_ids: [], reasons: '多次违法被处罚仍未落实整改', commitments: '三十日内完成全部整改，主要负责人每周带队检查', follow_up_on: addDays(today, -22),
        follow_up_result: '复查：整改已完成，隐患已销号', followed_up_at: dayAt(today, 22), created_by: emergency.id, created_at: dayAt(today, 52),
      }).execute();
    }

    // 住建局 against 恒安建材: decided with 停产整顿 and served; the enterprise applied for acceptance yesterday.
    let housingNote = '';
    if (hengan) {
      const enterprise = { id: hengan.id, name: hengan.name, regionCode: hengan.region_code, industries: hengan.industries, status: 'operating' as const };
      const [id] = await runAll([{ c: DEMO_HOUSING_CASE, user: housing, enterprise }]);
      if (safety) {
        await tx.insertInto('resumptions').values({
          enterprise_id: enterprise.id, enterprise_name: enterprise.name, region_code: enterprise.regionCode, industry_code: 'construction', case_id: id, status: 'applied',
          statement: '脚手架已按方案重新搭设并经验收，临边防护已补齐，申请复产验收。', applied_by: safety.id, applied_at: dayAt(today, 1),
        }).execute();
      }
      housingNote = `, 1 of 住建局 (${enterprise.name} suspended, applied for acceptance)`;
    }
    const docs = await tx.selectFrom('case_documents').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return `${Object.keys(ids).length} cases of 应急管理局${housingNote}, ${docs.n} documents`;
  },
};
