import { sql } from 'kysely';
import { acceptanceStateHash, addDays, shanghaiDate } from '@anjian/domain';
import type { Tx } from '../../platform/db/database.js';
import { DEMO_COUNTY, DEMO_TOWNSHIP } from './demo-structure.js';
import { HAZARD_TEMPLATES, RESPONSIBLE_PEOPLE, SOURCES_BY_WEIGHT } from './demo-hazards.data.js';
import type { DemoStep } from './index.js';
import { seededRandom, type Random } from './random.js';
import { sealIdentity } from '../hazards/index.js';
import { mobile, person as citizenName } from './demo-enterprises.js';

const COUNT = 520;
const weighted = (r: Random, items: [string, number][]) => {
  let x = r.next() * items.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of items) if ((x -= w) < 0) return v;
  return items[0]![0];
};

interface Event { action: string; from: string | null; to: string; actor: string; org: string | null; orgName: string | null; at: Date; comment: string | null; data: Record<string, unknown> | null }

/** Noon in Shanghai on a business date: a plausible moment for an act that day. */
const at = (date: string, hour = 12) => new Date(`${date}T${String(hour - 8).padStart(2, '0')}:00:00Z`);

/**
 * A year and a half of hazards in the demo province, in every state of the loop, each with
 * a timeline that matches its state: most closed with a signature, a tail still rectifying
 * (some overdue — the escalation job picks them up on first start), some awaiting
 * verification or acceptance, a few rejected, and major hazards listed by the county.
 */
export const demoHazards: DemoStep = {
  name: 'hazards',
  present: async (db, ctx) => (await db.selectFrom('hazards').select('id').where(sql<boolean>`region_code like ${ctx.province + '%'}`).limit(1).executeTakeFirst()) !== undefined,
  async seed(tx: Tx, ctx) {
    const r = seededRandom(20260613);
    const today = shanghaiDate(ctx.now);
    const enterprises = await sql<{ id: string; name: string; region_code: string; industries: string[] | null }>`
      select o.id, o.name, o.region_code, e.industries from orgs o left join enterprises e on e.org_id = o.id
      where o.type = 'enterprise' and o.region_code like ${ctx.province + '%'} order by o.region_code, o.name`.execute(tx);
    if (enterprises.rows.length === 0) return 'no enterprises to attach hazards to';
    const orgs = await tx.selectFrom('orgs').select(['id', 'type', 'name', 'region_code']).where('type', 'in', ['township_government', 'safety_committee_office']).where(sql<boolean>`region_code like ${ctx.province + '%'}`).execute();
    const orgAt = (type: string, code: string) => orgs.find((o) => o.type === type && o.region_code === code);
    const routes = await tx.selectFrom('industry_routes as r').innerJoin('orgs as d', 'd.id', 'r.department_id').select(['r.region_code', 'r.industry_code', 'd.id', 'd.name']).where(sql<boolean>`r.region_code like ${ctx.province + '%'}`).execute();
    const department = (county: string, industry: string) => routes.find((x) => x.region_code === county && x.industry_code === industry) ?? routes.find((x) => x.region_code === county.slice(0, 4) && x.industry_code === industry);
    const inCounty = enterprises.rows.filter((e) => e.region_code.startsWith(DEMO_COUNTY));
    const elsewhere = enterprises.rows.filter((e) => !e.region_code.startsWith(DEMO_COUNTY));
    let inserted = 0;
    // Citizens behind the public reports, from a stream of their own: the hazards stay as they were.
    const citizens = seededRandom(20261207);

    for (let i = 0; i < COUNT; i++) {
      const ent = r.chance(0.8) || elsewhere.length === 0 ? r.pick(inCounty.length ? inCounty : elsewhere) : r.pick(elsewhere);
      const industry = ent.industries?.[0] ?? 'construction';
      const template = r.pick(HAZARD_TEMPLATES[industry] ?? HAZARD_TEMPLATES.default!);
      const major = template.major !== undefined && r.chance(0.4);
      const age = r.int(0, 540);
      const foundOn = addDays(today, -age);
      const county = ent.region_code.slice(0, 6);
      const town = orgAt('township_government', ent.region_code.slice(0, 9));
      const office = orgAt('safety_committee_office', county);
      const assigner = major ? office : town ?? office;
      const dept = department(county, industry);
      const actorName = ent.region_code.startsWith(DEMO_TOWNSHIP) ? '孙丽（正定镇）' : `${town?.name ?? '乡镇'}工作人员`;
      const roll = r.next();
      // Older hazards have mostly run their course; recent ones are spread along the loop.
      const status = age < 5 ? (roll < 0.7 ? 'reported' : 'verified')
        : age < 40 ? (roll < 0.08 ? 'reported' : roll < 0.14 ? 'verified' : roll < 0.55 ? 'rectifying' : roll < 0.7 ? 'pending_acceptance' : roll < 0.75 ? 'rejected' : 'closed')
          : roll < 0.04 ? 'rejected' : roll < 0.1 ? 'rectifying' : roll < 0.12 ? 'pending_acceptance' : 'closed';
      const deadline = addDays(foundOn, major ? r.int(30, 90) : r.int(7, 30));
      const person = r.pick(RESPONSIBLE_PEOPLE);
      const events: Event[] = [{ action: 'report', from: null, to: 'reported', actor: actorName, org: town?.id ?? null, orgName: town?.name ?? null, at: at(foundOn, 10), comment: null, data: { source: 'demo' } }];
      const plan = major ? { responsibility: `${ent.name}主要负责人${person}`, measures: `针对“${template.title}”制定专项整改方案并落实`, funds: `企业自筹 ${r.int(5, 80)} 万元`, deadline, contingencyPlan: '整改期间落实专人值守，险情时立即停产撤人' } : null;
      let row: Record<string, unknown> = {};
      if (status === 'rejected') {
        events.push({ action: 'reject', from: 'reported', to: 'rejected', actor: actorName, org: town?.id ?? null, orgName: town?.name ?? null, at: at(addDays(foundOn, 1)), comment: '现场核实不构成事故隐患', data: { reason: 'not_hazard' } });
      } else if (status !== 'reported') {
        events.push({ action: 'verify', from: 'reported', to: 'verified', actor: actorName, org: town?.id ?? null, orgName: town?.name ?? null, at: at(addDays(foundOn, 1)), comment: '情况属实', data: null });
        if (status !== 'verified') {
          const assignedOn = addDays(foundOn, 1);
          row = { responsible_org_id: ent.id, responsible_unit: ent.name, responsible_person: person, supervising_department_id: dept?.id ?? null, assigned_by_org_id: assigner?.id ?? null, assigned_at: at(assignedOn, 15), deadline, plan: plan ? JSON.stringify(plan) : null };
          events.push({ action: 'assign', from: 'verified', to: 'rectifying', actor: actorName, org: assigner?.id ?? null, orgName: assigner?.name ?? null, at: at(assignedOn, 15), comment: null, data: { responsibleUnit: ent.name, responsiblePerson: person, deadline, supervisingDepartment: dept?.name ?? null, plan } });
          // Open major hazards are listed by their county (挂牌督办), as the seeds require.
          if (major && status !== 'closed' && office) {
            const listing = { liaisonLeader: '刘县长', departmentId: dept?.id ?? '', departmentName: dept?.name ?? '', suspend: false, orgId: office.id, listedAt: at(addDays(foundOn, 2)).toISOString() };
            row = { ...row, listed_level: 3, listed_region_code: county, listing: JSON.stringify(listing) };
            events.push({ action: 'list', from: 'rectifying', to: 'rectifying', actor: '刘县长', org: office.id, orgName: office.name, at: at(addDays(foundOn, 2)), comment: '列为县级挂牌督办', data: { level: 3, ...listing } });
          }
          if (status === 'pending_acceptance' || status === 'closed') {
            const submitted = addDays(foundOn, Math.min(r.int(3, 25), Math.max(3, age - 2)));
            row = { ...row, submitted_at: at(submitted) };
            events.push({ action: 'submit_for_acceptance', from: 'rectifying', to: 'pending_acceptance', actor: `${ent.name}安全员`, org: ent.id, orgName: ent.name, at: at(submitted), comment: '已按要求整改完毕', data: null });
            if (status === 'closed') {
              const closedOn = addDays(submitted, 1) > today ? submitted : addDays(submitted, 1);
              const rootCause = major ? '设备设施老化、日常检查流于形式' : null;
              const loopholeFixed = major ? '建立设备定期检验台账并纳入考核' : null;
              // The same snapshot the accept act hashes (hazards.actions.ts), minus the id the row has not got yet.
              const stateHash = acceptanceStateHash({ title: template.title, level: major ? 'major' : 'general', regionCode: ent.region_code, enterpriseId: ent.id, deadline, plan, version: events.length, rootCause, loopholeFixed });
              const signature = { signedBy: actorName, org: assigner?.name ?? '', orgId: assigner?.id ?? null, at: at(closedOn, 16).toISOString(), stateHash, rootCause, loopholeFixed };
              row = { ...row, closed_at: at(closedOn, 16), closed_on: closedOn, acceptance: JSON.stringify(signature) };
              events.push({ action: 'accept', from: 'pending_acceptance', to: 'closed', actor: actorName, org: assigner?.id ?? null, orgName: assigner?.name ?? null, at: at(closedOn, 16), comment: '验收合格，予以销号', data: { signature } });
            }
          }
        }
      }
      const source = weighted(r, SOURCES_BY_WEIGHT);
      const { id } = await tx.insertInto('hazards').values({
        title: template.title, description: `${ent.name}：${template.title}`, enterprise_id: ent.id, region_code: ent.region_code, industry_code: industry,
        level: major ? 'major' : 'general', criterion_clause: major ? template.major! : null, source, status,
        // A citizen's report names its citizen only in hazard_reporters, encrypted (举报人身份保密).
        found_by_name: source === 'public_report' ? '' : actorName, found_on: foundOn, reported_at: at(foundOn, 10), version: events.length, updated_at: events[events.length - 1]!.at, ...row,
      } as never).returning('id').executeTakeFirstOrThrow();
      await tx.insertInto('hazard_events').values(events.map((e, n) => ({
        hazard_id: id, seq: n + 1, action: e.action, from_status: e.from, to_status: e.to, actor_id: null, actor_name: e.actor,
        actor_org_id: e.org, actor_org_name: e.orgName, at: e.at, comment: e.comment, data: e.data ? JSON.stringify(e.data) : null,
      }))).execute();
      if (source === 'public_report') {
        await tx.insertInto('hazard_reporters').values({ hazard_id: id, identity_enc: sealIdentity(ctx.pii, { name: citizenName(citizens), phone: mobile(citizens) }) }).execute();
      }
      inserted++;
    }
    return `${inserted} hazards`;
  },
};
