import { sql } from 'kysely';
import { addDays, BASELINE_PERMISSIONS, findingsSummary, ROLES, shanghaiDate } from '@anjian/domain';
import type { Tx } from '../../platform/db/database.js';
import { createFileStorage } from '../../platform/files/storage.js';
import { systemContext, type SessionUser } from '../../platform/http/context.js';
import { createDocumentGenerator } from '../cases/cases.documents.js';
import { createCaseHandlers } from '../cases/cases.handlers.js';
import { createCasesRepository } from '../cases/cases.repository.js';
import { fileCaseIn } from '../cases/cases.service.js';
import { actOnCase } from '../cases/cases.workflow.js';
import { documentParty } from '../enterprises/index.js';
import { reinspectionsOf } from '../inspections/index.js';
import { insertInspection, type DemoInspection } from './demo-inspections.js';
import { DEMO_COUNTY } from './demo-structure.js';
import type { DemoStep } from './index.js';

const at = (day: string) => new Date(`${day}T04:00:00Z`);

/**
 * The links of 正定县's enforcement records (after draws, inspections and cases): each drawn
 * draw's first pairs inspected by their drawn teams (signed, so the public page shows their
 * results; one only started), a case opened from the 四不两直 visit that found a 重大 hazard,
 * and a 复查 of the 已决定 case's 责令限期整改 with its 整改复查意见书 citing it.
 */
export const demoLinks: DemoStep = {
  name: 'links between draws, inspections and cases',
  present: async (db) => (await db.selectFrom('inspections').select('id').where('draw_pair_id', 'is not', null).limit(1).executeTakeFirst()) !== undefined,
  async seed(tx: Tx, ctx) {
    const today = shanghaiDate(ctx.now);
    const checklists = await tx.selectFrom('inspection_checklists').select(['id', 'industry_code', 'items']).where('region_code', '=', '0').where('version', '=', 1).execute();
    const people = async (ids: string[]) => {
      const rows = await tx.selectFrom('users as u').innerJoin('orgs as o', 'o.id', 'u.org_id').select(['u.id', 'u.display_name', 'u.org_id', 'o.name as org_name', 'o.industries']).where('u.id', 'in', ids).execute();
      return ids.map((id) => rows.find((r) => r.id === id)!);
    };
    const enterprise = async (id: string) => (await sql<{ id: string; name: string; region_code: string; industries: string[]; status: string }>`
      select o.id, o.name, o.region_code, e.industries, e.status from orgs o join enterprises e on e.org_id = o.id where o.id = ${id}::uuid`.execute(tx)).rows[0]!;

    // 1. 双随机: the first pairs of each drawn draw, by their drawn inspectors.
    const draws = await tx.selectFrom('inspection_draws as d').innerJoin('inspection_plans as p', 'p.id', 'd.plan_id').select(['d.id', 'p.name'])
      .where('d.region_code', '=', DEMO_COUNTY).where('d.status', '=', 'drawn').orderBy('p.name').execute();
    const shapes: Pick<DemoInspection, 'status' | 'summary'>[] = [
      { status: 'recorded', summary: '双随机抽查，发现一般隐患一项，已责令限期整改' }, { status: 'recorded', summary: '双随机抽查，未发现问题' }, { status: 'draft' },
    ];
    let linked = 0;
    for (const draw of draws) {
      const pairs = await tx.selectFrom('draw_pairs').selectAll().where('draw_id', '=', draw.id).orderBy('position').execute();
      let i = 0;
      for (const pair of pairs) {
        const shape = shapes[i];
        if (!shape) break;
        const team = await people(pair.inspector_ids);
        const ent = await enterprise(pair.enterprise_id);
        const checklist = checklists.find((c) => ent.industries.includes(c.industry_code) && team[0]!.industries.includes(c.industry_code));
        // A drawn enterprise closed or suspended since (by the demo's cases) waits; the next pair is taken.
        if (!checklist || ent.status !== 'operating') continue;
        // The first pair of each draw fails one general item (never a 判定标准 one here).
        const general = checklist.items.find((item) => !item.clauseId)!;
        const fail = i === 0 ? { [general.key]: `现场检查发现：${general.text}不符合要求` } : undefined;
        const day = addDays(today, -(2 + 2 * i));
        const done = await insertInspection(tx, { type: 'random_draw', industry: checklist.industry_code, status: shape.status, day, enterprise: ent, checklist, team, fail, summary: shape.summary, drawPairId: pair.id });
        await tx.updateTable('draw_pairs').set({
          inspection_id: done.id,
          ...(shape.status === 'draft' ? {} : { inspected_on: day, findings: findingsSummary(shape.summary ?? null, fail ? 1 : 0, 0) }),
        }).where('id', '=', pair.id).execute();
        linked++;
        i++;
      }
    }

    // 2. 立案查处 from the 四不两直 visit that found a 重大 hazard; 3. 复查 of the decided case's order.
    const staff = await tx.selectFrom('users as u').innerJoin('orgs as o', 'o.id', 'u.org_id').select(['u.id', 'u.username', 'u.display_name', 'o.id as org_id', 'o.type', 'o.name', 'o.region_code', 'o.industries'])
      .where('u.username', '=', 'zd.emergency').executeTakeFirst();
    const inspector = await tx.selectFrom('users').select('id').where('username', '=', 'zd.inspector').executeTakeFirst();
    const housing = await tx.selectFrom('users').select(['id', 'org_id']).where('username', '=', 'zd.housing').executeTakeFirst();
    if (!staff || !inspector || !ctx.dataDir) return `${linked} drawn pairs inspected`;
    const user: SessionUser = {
      id: staff.id, username: staff.username, displayName: staff.display_name, orgId: staff.org_id, orgType: staff.type, orgName: staff.name, regionCode: staff.region_code, orgIndustries: staff.industries,
      roles: ['department_staff'], permissions: new Set<string>([...BASELINE_PERMISSIONS, ...ROLES.department_staff.permissions]), mustChangePassword: false, sessionId: 'demo', sessionExpiresAt: ctx.now,
    };
    const repo = createCasesRepository();
    const audit = { record: async () => {} };
    const context = systemContext('demo');
    const generate = createDocumentGenerator({ repo, storage: createFileStorage(ctx.dataDir), party: documentParty, reinspectionsOf });
    const handlers = createCaseHandlers({ repo, generate, orderStatus: (async () => ({ changed: false })) as never });
    const notes: string[] = [];

    const visit = await tx.selectFrom('inspections as i').select(['i.id', 'i.enterprise_id', 'i.inspected_on', 'i.industry_code']).where('i.type', '=', 'unannounced').where('i.status', '=', 'recorded')
      .where(sql<boolean>`exists (select 1 from inspection_results r join hazards h on h.id = r.hazard_id where r.inspection_id = i.id and h.level = 'major')`).executeTakeFirst();
    if (visit) {
      const ent = await enterprise(visit.enterprise_id);
      const hazardIds = (await tx.selectFrom('inspection_results').select('hazard_id').where('inspection_id', '=', visit.id).where('hazard_id', 'is not', null).execute()).map((r) => r.hazard_id!);
      const filedOn = addDays(visit.inspected_on, 1);
      const id = await fileCaseIn(tx, { repo, audit }, context, user, { id: ent.id, name: ent.name, regionCode: ent.region_code, industries: ent.industries, status: 'operating' }, {
        cause: '粉尘防爆除尘系统未采取泄爆、惰化、抑爆等措施', facts: '四不两直检查发现布袋除尘器未设置泄爆片，也无惰化、抑爆措施，构成重大事故隐患。', source: 'inspection',
        inspectionId: visit.id, hazardIds, filedOn, industry: visit.industry_code,
      }, at(filedOn));
      // Every case carries its 现场检查记录 from its filing (as demo-cases.ts gives the others).
      await generate(tx, await tx.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow(), 'inspection_record', user, at(filedOn));
      await actOnCase({ repo, audit }, tx, context, user, id, 'investigate', handlers.investigate, {}, at(addDays(filedOn, 1)));
      notes.push('1 case opened from an inspection');
    }

    // Each department re-checks (复查) the order of its first decided case that ordered 限期整改, by its own staff.
    const reinspections = [
      { org: staff.org_id, by: inspector.id, summary: '可燃气体检测报警装置已补设并联网，整改到位' },
      ...(housing ? [{ org: housing.org_id, by: housing.id, summary: '脚手架已按专项方案重新搭设，临边防护补齐，整改到位' }] : []),
    ];
    for (const r of reinspections) {
      const order = await tx.selectFrom('cases as c').select(['c.id', 'c.enterprise_id', 'c.industry_code']).where('c.org_id', '=', r.org).where('c.status', 'in', ['decided', 'served'])
        .where(sql<boolean>`exists (select 1 from case_measures m where m.case_id = c.id and m.kind = 'rectify_order')`).orderBy('c.filed_on').executeTakeFirst();
      const orderChecklist = checklists.find((c) => c.industry_code === order?.industry_code);
      if (!order || !orderChecklist) continue;
      const ent = await enterprise(order.enterprise_id);
      const day = addDays(today, -1);
      await insertInspection(tx, { type: 'reinspection', industry: orderChecklist.industry_code, status: 'recorded', day, enterprise: ent, checklist: orderChecklist, team: await people([r.by]), summary: r.summary, orderCaseId: order.id });
      const row = await tx.selectFrom('cases').selectAll().where('id', '=', order.id).executeTakeFirstOrThrow();
      await generate(tx, row as never, 'reinspection_opinion', { id: r.by }, at(day));
      notes.push(`1 复查 with its 整改复查意见书 (${ent.name})`);
    }
    return [`${linked} drawn pairs inspected`, ...notes].join(', ');
  },
};
