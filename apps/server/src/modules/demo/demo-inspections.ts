import { sql } from 'kysely';
import { acceptanceStateHash, addDays, findingsOf, shanghaiDate, type InspectionType, type ItemResult } from '@anjian/domain';
import type { Tx } from '../../platform/db/database.js';
import { DEMO_ENTERPRISE_NAME } from './demo-enterprises.js';
import { DEMO_COUNTY } from './demo-structure.js';
import type { DemoStep } from './index.js';

type Who = 'inspector' | 'emergency' | 'housing';

interface Plan {
  type: InspectionType;
  industry: string;
  /** An enterprise by name (the demo enterprise), else the n-th of the industry in the county. */
  enterprise: string | number;
  team: Who[];
  daysAgo: number;
  status: 'draft' | 'recorded' | 'archived';
  /** Failed items with what was seen; every other item passes. */
  fail?: Record<string, string>;
  summary?: string;
}

/** 正定县 应急管理局 (郑毅 the inspector, 吴刚) and 住建局 (周强): each department every type, some findings, one 重大 from a 判定标准 clause. */
const PLANS: Plan[] = [
  { type: 'random_draw', industry: 'dust_explosion', enterprise: 0, team: ['inspector', 'emergency'], daysAgo: 20, status: 'recorded', summary: '双随机抽查，未发现问题' },
  { type: 'unannounced', industry: 'dust_explosion', enterprise: 1, team: ['inspector', 'emergency'], daysAgo: 12, status: 'recorded', summary: '四不两直暗访，除尘系统存在重大事故隐患',
    fail: { 'mem10-2023/11.3': '布袋除尘器未设置泄爆片，也无惰化、抑爆措施', 'g.training': '新入职员工无三级安全教育记录' } },
  { type: 'covert', industry: 'hazardous_chemicals', enterprise: 0, team: ['inspector'], daysAgo: 9, status: 'recorded', fail: { 'g.emergency_plan': '应急预案未按期演练，上次演练为两年前' } },
  { type: 'campaign', industry: 'metallurgy', enterprise: 0, team: ['inspector', 'emergency'], daysAgo: 30, status: 'archived', summary: '冶金专项检查', fail: { 'g.equipment': '煤气报警仪超期未检定' } },
  { type: 'expert', industry: 'hazardous_chemicals', enterprise: 1, team: ['emergency'], daysAgo: 5, status: 'recorded', summary: '专家指导服务：工艺安全管理总体规范' },
  { type: 'unannounced', industry: 'hazardous_chemicals', enterprise: 2, team: ['inspector', 'emergency'], daysAgo: 0, status: 'draft' },
  { type: 'random_draw', industry: 'construction', enterprise: DEMO_ENTERPRISE_NAME, team: ['housing'], daysAgo: 15, status: 'recorded', fail: { 'c.safety_staff': '施工现场未见专职安全生产管理人员' } },
  { type: 'campaign', industry: 'urban_gas', enterprise: 0, team: ['housing'], daysAgo: 7, status: 'recorded', summary: '城镇燃气专项整治', fail: { 'u.alarm': '储配站可燃气体报警器两处失效' } },
  { type: 'unannounced', industry: 'construction', enterprise: 0, team: ['housing'], daysAgo: 3, status: 'recorded', summary: '四不两直检查，未发现问题' },
  { type: 'covert', industry: 'construction', enterprise: 1, team: ['housing'], daysAgo: 4, status: 'recorded', summary: '暗查暗访：夜间施工现场，未发现问题' },
  { type: 'expert', industry: 'construction', enterprise: 1, team: ['housing'], daysAgo: 0, status: 'draft' },
  { type: 'unannounced', industry: 'construction', enterprise: DEMO_ENTERPRISE_NAME, team: ['housing'], daysAgo: 0, status: 'draft' },
];

export interface DemoInspection {
  type: InspectionType;
  industry: string;
  status: 'draft' | 'recorded' | 'archived';
  day: string;
  enterprise: { id: string; name: string; region_code: string };
  checklist: { id: string; items: { key: string; text: string; basis: string; clauseId?: string }[] };
  team: { id: string; display_name: string; org_id: string; org_name: string }[];
  fail?: Record<string, string>;
  summary?: string;
  drawPairId?: string;
  orderCaseId?: string;
}

/** One inspection as the record act leaves it (its failed items filed as hazards when signed); the team's first member records. */
export async function insertInspection(tx: Tx, spec: DemoInspection): Promise<{ id: string; hazards: string[] }> {
  const { team, day, checklist } = spec;
  const recorder = team[0]!;
  const created = at(day, 9);
  const recordedAt = spec.status === 'draft' ? null : at(day, 11);
  const answered = spec.status !== 'draft' || spec.type === 'reinspection';
  const results = answered ? checklist.items.map((i) => ({ itemKey: i.key, result: (spec.fail?.[i.key] ? 'fail' : 'pass') as ItemResult, note: spec.fail?.[i.key] ?? null, photos: [] as string[] })) : [];
  const { id } = await tx.insertInto('inspections').values({
    type: spec.type, status: spec.status, enterprise_id: spec.enterprise.id, region_code: spec.enterprise.region_code, industry_code: spec.industry, org_id: recorder.org_id, checklist_id: checklist.id,
    inspected_on: day, draw_pair_id: spec.drawPairId ?? null, order_case_id: spec.orderCaseId ?? null, recorder_id: recorder.id, summary: spec.summary ?? null, recorded_at: recordedAt, archived_at: spec.status === 'archived' ? at(day, 17) : null,
    enterprise_signature: recordedAt ? JSON.stringify({ name: `${spec.enterprise.name.slice(3, 5)}安全负责人`, title: '安全管理人员', imageFileId: null, at: recordedAt.toISOString() }) : null,
    created_at: created, updated_at: recordedAt ?? created,
  }).returning('id').executeTakeFirstOrThrow();
  const stateHash = acceptanceStateHash({ id, type: spec.type, enterpriseId: spec.enterprise.id, inspectedOn: day, checklistId: checklist.id, summary: spec.summary ?? null, results });
  await tx.insertInto('inspection_members').values(team.map((u, position) => ({ inspection_id: id, user_id: u.id, name: u.display_name, position, signature: recordedAt ? JSON.stringify({ signedAt: recordedAt.toISOString(), stateHash }) : null }))).execute();
  const hazardOf = new Map<string, string>();
  if (recordedAt) {
    // Each failed item became a hazard when the record was signed, as the record act does it.
    for (const f of findingsOf(spec.type, checklist.items, results)) {
      const { id: hazardId } = await tx.insertInto('hazards').values({
        title: f.title, description: `${spec.enterprise.name}：${f.description}`, enterprise_id: spec.enterprise.id, region_code: spec.enterprise.region_code, industry_code: spec.industry, level: f.level,
        criterion_clause: f.criterionClause, source: f.source, status: 'reported', found_by_name: team.map((u) => u.display_name).join('、').slice(0, 50), found_on: day,
        reported_by: recorder.id, reporter_org_id: recorder.org_id, reported_at: recordedAt, version: 1, updated_at: recordedAt,
      } as never).returning('id').executeTakeFirstOrThrow();
      await tx.insertInto('hazard_events').values({ hazard_id: hazardId, seq: 1, action: 'report', from_status: null, to_status: 'reported', actor_id: recorder.id, actor_name: recorder.display_name, actor_org_id: recorder.org_id, actor_org_name: recorder.org_name, at: recordedAt, comment: null, data: JSON.stringify({ source: f.source, level: f.level, criterionClause: f.criterionClause }) }).execute();
      hazardOf.set(f.itemKey, hazardId);
    }
  }
  if (results.length) await tx.insertInto('inspection_results').values(results.map((r) => ({ inspection_id: id, item_key: r.itemKey, result: r.result, note: r.note, photos: [], hazard_id: hazardOf.get(r.itemKey) ?? null }))).execute();
  const events: { action: string; from: string | null; to: string; at: Date }[] = [{ action: 'create', from: null, to: 'draft', at: created }];
  if (answered) events.push({ action: 'save_results', from: 'draft', to: 'draft', at: at(day, 10) });
  if (recordedAt) events.push({ action: 'record', from: 'draft', to: 'recorded', at: recordedAt });
  if (spec.status === 'archived') events.push({ action: 'archive', from: 'recorded', to: 'archived', at: at(day, 17) });
  await tx.insertInto('inspection_events').values(events.map((e, i) => ({ inspection_id: id, seq: i + 1, action: e.action, from_status: e.from, to_status: e.to, actor_id: recorder.id, actor_name: recorder.display_name, at: e.at, data: null }))).execute();
  await tx.updateTable('inspections').set({ version: events.length }).where('id', '=', id).execute();
  return { id, hazards: [...hazardOf.values()] };
}

const at = (date: string, hour: number) => new Date(`${date}T${String(hour - 8).padStart(2, '0')}:00:00Z`);

export const demoInspections: DemoStep = {
  name: 'inspections',
  present: async (db) => (await db.selectFrom('inspections').select('id').limit(1).executeTakeFirst()) !== undefined,
  async seed(tx: Tx, ctx) {
    const today = shanghaiDate(ctx.now);
    const users = await tx.selectFrom('users as u').innerJoin('orgs as o', 'o.id', 'u.org_id').select(['u.id', 'u.username', 'u.display_name', 'u.org_id', 'o.name as org_name'])
      .where('u.username', 'in', ['zd.inspector', 'zd.emergency', 'zd.housing']).execute();
    const who = (w: Who) => users.find((u) => u.username === `zd.${w}`);
    if (!who('inspector') || !who('housing')) return 'no demo inspectors';
    const checklists = await tx.selectFrom('inspection_checklists').select(['id', 'industry_code', 'items']).where('region_code', '=', '0').where('version', '=', 1).execute();
    const enterprises = await sql<{ id: string; name: string; region_code: string; industries: string[] }>`
      select o.id, o.name, o.region_code, e.industries from orgs o join enterprises e on e.org_id = o.id
      where o.type = 'enterprise' and o.region_code like ${DEMO_COUNTY + '%'} and e.status = 'operating' order by o.name`.execute(tx);
    let hazards = 0;
    let n = 0;
    for (const plan of PLANS) {
      const checklist = checklists.find((c) => c.industry_code === plan.industry);
      const candidates = enterprises.rows.filter((e) => e.industries.includes(plan.industry));
      // Numbered picks skip the named demo enterprise, so what its accounts see is exactly what its plans say.
      const ent = typeof plan.enterprise === 'string' ? candidates.find((e) => e.name === plan.enterprise) : candidates.filter((e) => e.name !== DEMO_ENTERPRISE_NAME)[plan.enterprise];
      if (!checklist || !ent) continue;
      const team = plan.team.map(who).filter((u) => u !== undefined);
      hazards += (await insertInspection(tx, { ...plan, day: addDays(today, -plan.daysAgo), enterprise: ent, checklist, team })).hazards.length;
      n++;
    }
    return `${n} inspections, ${hazards} hazards found by them`;
  },
};
