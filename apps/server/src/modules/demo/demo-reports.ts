import { sql } from 'kysely';
import { acceptanceStateHash, addDays, shanghaiDate, type HazardSource } from '@anjian/domain';
import type { Tx } from '../../platform/db/database.js';
import { DEMO_ENTERPRISE_NAME } from './demo-enterprises.js';
import { DEMO_TOWNSHIP } from './demo-structure.js';
import type { DemoStep } from './index.js';

type Status = 'reported' | 'verified' | 'rectifying' | 'pending_acceptance' | 'closed' | 'rejected';
/** [title, status, days ago found, deadline in days from finding] */
type Report = [string, Status, number, number];

/** The grid member's patrol (网格员巡查) around 正定镇, in every state of the loop, one overdue. */
const GRID: Report[] = [
  ['沿街商铺液化气钢瓶露天存放', 'reported', 0, 0],
  ['小区地下车库消防通道被占用', 'reported', 1, 0],
  ['农贸市场电线私拉乱接', 'verified', 3, 0],
  ['废品收购站堆放易燃物未设灭火器', 'rectifying', 6, 15],
  ['村头加油点无证经营', 'rectifying', 30, 10],
  ['校园周边施工围挡倾斜', 'pending_acceptance', 12, 10],
  ['自建房违规改建为出租屋', 'closed', 40, 14],
  ['路灯杆线缆外露', 'rejected', 20, 0],
];

/** 恒安建材's own safety officer (企业自查). */
const ENTERPRISE: Report[] = [
  ['原料仓库叉车通道标识缺失', 'reported', 1, 0],
  ['破碎车间皮带机防护罩缺失', 'rectifying', 8, 20],
  ['配电室绝缘垫老化', 'pending_acceptance', 15, 10],
  ['粉尘作业区未按规定清扫', 'closed', 50, 7],
];

const at = (date: string, hour = 12) => new Date(`${date}T${String(hour - 8).padStart(2, '0')}:00:00Z`);

/**
 * What the reporters' homes show on first start (issue 10): hazards zd.grid and qy.safety
 * reported themselves — so 我的上报 is not empty — each with a timeline matching its state.
 */
export const demoReports: DemoStep = {
  name: 'reporters’ own hazards',
  present: async (db) => (await db.selectFrom('hazards as h').innerJoin('users as u', 'u.id', 'h.reported_by').select('h.id').where('u.username', 'in', ['zd.grid', 'qy.safety']).limit(1).executeTakeFirst()) !== undefined,
  async seed(tx: Tx, ctx) {
    const today = shanghaiDate(ctx.now);
    const people = await tx.selectFrom('users as u').innerJoin('orgs as o', 'o.id', 'u.org_id').select(['u.id', 'u.username', 'u.display_name', 'o.id as org_id', 'o.name as org_name', 'o.region_code'])
      .where('u.username', 'in', ['zd.grid', 'qy.safety', 'zd.town']).execute();
    const grid = people.find((p) => p.username === 'zd.grid');
    const officer = people.find((p) => p.username === 'qy.safety');
    const town = people.find((p) => p.username === 'zd.town');
    if (!grid || !officer || !town) return 'no demo accounts to report as';
    const ent = await sql<{ industries: string[] | null }>`select industries from enterprises where org_id = ${officer.org_id}`.execute(tx);
    const industry = ent.rows[0]?.industries?.[0] ?? 'construction';
    let inserted = 0;

    const insert = async (who: typeof grid, r: Report, source: HazardSource, enterprise: boolean) => {
      const [title, status, ago, days] = r;
      const foundOn = addDays(today, -ago);
      const deadline = days ? addDays(foundOn, days) : null;
      const region = enterprise ? officer.region_code : DEMO_TOWNSHIP;
      const responsible = enterprise ? { id: officer.org_id, name: DEMO_ENTERPRISE_NAME } : { id: town.org_id, name: town.org_name };
      const act = (action: string, from: string | null, to: string, day: string, by = town, comment: string | null = null, data: Record<string, unknown> | null = null) =>
        ({ action, from, to, actor: by.display_name, org: by.org_id, orgName: by.org_name, at: at(day, action === 'report' ? 10 : 15), comment, data });
      const events = [act('report', null, 'reported', foundOn, who)];
      let row: Record<string, unknown> = {};
      const next = (n: number) => (addDays(foundOn, n) > today ? today : addDays(foundOn, n));
      if (status === 'rejected') events.push(act('reject', 'reported', 'rejected', next(1), town, '现场核实不构成事故隐患', { reason: 'not_hazard' }));
      if (['verified', 'rectifying', 'pending_acceptance', 'closed'].includes(status)) events.push(act('verify', 'reported', 'verified', next(1), town, '情况属实'));
      if (deadline && status !== 'verified' && status !== 'reported' && status !== 'rejected') {
        row = { responsible_org_id: responsible.id, responsible_unit: responsible.name, responsible_person: enterprise ? '王建国' : '孙丽', assigned_by_org_id: town.org_id, assigned_at: at(next(1), 15), deadline };
        events.push(act('assign', 'verified', 'rectifying', next(1), town, null, { responsibleUnit: responsible.name, deadline }));
        if (status === 'pending_acceptance' || status === 'closed') {
          const submitted = next(Math.min(days - 1, Math.max(2, ago - 2)));
          row = { ...row, submitted_at: at(submitted) };
          events.push(act('submit_for_acceptance', 'rectifying', 'pending_acceptance', submitted, enterprise ? officer : town, '已按要求整改完毕'));
          if (status === 'closed') {
            const closedOn = addDays(submitted, 1) > today ? submitted : addDays(submitted, 1);
            // The same snapshot the accept act hashes (hazards.actions.ts), minus the id the row has not got yet.
            const stateHash = acceptanceStateHash({ title, level: 'general', regionCode: region, enterpriseId: enterprise ? officer.org_id : null, deadline, plan: null, version: events.length, rootCause: null, loopholeFixed: null });
            const signature = { signedBy: town.display_name, org: town.org_name, orgId: town.org_id, at: at(closedOn, 16).toISOString(), stateHash, rootCause: null, loopholeFixed: null };
            row = { ...row, closed_at: at(closedOn, 16), closed_on: closedOn, acceptance: JSON.stringify(signature) };
            events.push(act('accept', 'pending_acceptance', 'closed', closedOn, town, '验收合格，予以销号', { signature }));
          }
        }
      }
      const { id } = await tx.insertInto('hazards').values({
        title, description: `${who.display_name}${enterprise ? '自查' : '巡查'}发现：${title}`, enterprise_id: enterprise ? officer.org_id : null, region_code: region,
        industry_code: enterprise ? industry : null, level: 'general', source, status, found_by_name: who.display_name, found_on: foundOn,
        reported_by: who.id, reporter_org_id: who.org_id, reported_at: at(foundOn, 10), version: events.length, updated_at: events[events.length - 1]!.at, ...row,
      } as never).returning('id').executeTakeFirstOrThrow();
      await tx.insertInto('hazard_events').values(events.map((e, n) => ({
        hazard_id: id, seq: n + 1, action: e.action, from_status: e.from, to_status: e.to, actor_id: null, actor_name: e.actor,
        actor_org_id: e.org, actor_org_name: e.orgName, at: e.at, comment: e.comment, data: e.data ? JSON.stringify(e.data) : null,
      }))).execute();
      inserted++;
    };

    for (const r of GRID) await insert(grid, r, 'grid_patrol', false);
    for (const r of ENTERPRISE) await insert(officer, r, 'self_inspection', true);
    return `${inserted} hazards`;
  },
};
