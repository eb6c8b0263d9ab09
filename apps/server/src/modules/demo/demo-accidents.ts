import { sql } from 'kysely';
import { addDays, compareDates, FOUR_NOT_LET_GO, gradeAccident, INDICATOR_METRIC_CODES, INDICATOR_METRICS, shanghaiDate, startOfShanghaiDay } from '@anjian/domain';
import type { Tx } from '../../platform/db/database.js';
import { between, demoAccident, type DemoAccident } from './demo-accidents.data.js';
import { DEMO_CITY, DEMO_COUNTY } from './demo-structure.js';
import type { DemoStep } from './index.js';
import { seededRandom } from './random.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Office = { userId: string; orgId: string; region: string };

/**
 * A year and a half of accidents (1 January last year to now) across the province's cities,
 * so that 同比 shows on every dashboard: each city has its own size and its own trend, the
 * demo county a closer look. Older accidents have their investigations done and closed,
 * recent ones still run their clocks. Then this year's control indicators for every city
 * (set by the province) and for 正定县 (set by its city). All through SQL in the step's
 * transaction, graded by the domain's gradeAccident.
 */
export const demoAccidents: DemoStep = {
  name: 'accidents and control indicators',
  present: async (db, ctx) => (await db.selectFrom('accidents').select('id').where(sql<boolean>`region_code like ${ctx.province + '%'}`).limit(1).executeTakeFirst()) !== undefined,

  async seed(tx, ctx) {
    const random = seededRandom(0x5afe2026).next;
    const now = ctx.now;
    const today = shanghaiDate(now);
    const year = Number(today.slice(0, 4));
    const townships = await tx.selectFrom('regions').select(['code', 'name']).where(sql<boolean>`code like ${ctx.province + '%'}`).where('level', '=', 4).orderBy('code').execute();
    const offices: Office[] = await tx.selectFrom('users as u').innerJoin('orgs as o', 'o.id', 'u.org_id').innerJoin('user_roles as r', 'r.user_id', 'u.id')
      .select(['u.id as userId', 'o.id as orgId', 'o.region_code as region'])
      .where('o.type', '=', 'safety_committee_office').where('r.role_key', '=', 'committee_office_staff').where(sql<boolean>`o.region_code like ${ctx.province + '%'}`)
      .orderBy('u.username').execute();
    if (townships.length === 0 || offices.length === 0) return 'skipped: no townships or no committee office account';
    const reporterFor = (code: string) => offices.filter((o) => code.startsWith(o.region)).sort((a, b) => b.region.length - a.region.length)[0];

    const cities = new Map<string, typeof townships>();
    for (const t of townships) cities.set(t.code.slice(0, 4), [...(cities.get(t.code.slice(0, 4)) ?? []), t]);
    const lastStart = startOfShanghaiDay(`${year - 1}-01-01`).getTime();
    const thisStart = startOfShanghaiDay(`${year}-01-01`).getTime();
    const latest = now.getTime() - 2 * HOUR;
    const share = (latest - thisStart) / (startOfShanghaiDay(`${year + 1}-01-01`).getTime() - thisStart);

    const accidents: DemoAccident[] = [];
    const spread = (count: number, from: number, to: number, towns: typeof townships) => {
      for (let i = 0; i < count; i++) {
        const town = towns[Math.floor(random() * towns.length)]!;
        accidents.push(demoAccident(random, new Date(from + Math.floor(random() * (to - from))), town.code, town.name, now));
      }
    };
    for (const [city, towns] of [...cities].sort(([a], [b]) => a.localeCompare(b))) {
      const size = 0.5 + random();
      // This year against last: some cities improve, some get worse (双上升).
      const trend = 0.7 + random() * 0.6;
      const zhengding = city === DEMO_CITY ? towns.filter((t) => t.code.startsWith(DEMO_COUNTY)) : [];
      spread(Math.round(22 * size), lastStart, thisStart, towns);
      spread(Math.round(22 * size * trend * share), thisStart, latest, towns);
      if (zhengding.length) {
        spread(14, lastStart, thisStart, zhengding);
        spread(Math.round(14 * 1.15 * share), thisStart, latest, zhengding);
      }
    }

    const ids: string[] = [];
    for (let i = 0; i < accidents.length; i += 500) {
      const rows = accidents.slice(i, i + 500).map((a) => {
        const office = reporterFor(a.regionCode)!;
        const current = a.current;
        return {
          occurred_at: a.occurredAt, region_code: a.regionCode, place: a.place, enterprise_id: null, industry_code: a.industryCode, category: a.category,
          initial_deaths: a.initial.deaths, initial_missing: 0, initial_serious_injuries: a.initial.seriousInjuries, initial_minor_injuries: a.initial.minorInjuries,
          initial_direct_loss_yuan: a.initial.directLossYuan, initial_grade: a.initialGrade,
          deaths: current.deaths, missing: current.missing, serious_injuries: current.seriousInjuries, minor_injuries: current.minorInjuries, direct_loss_yuan: current.directLossYuan, grade: a.grade,
          summary: a.summary, cause: a.cause, reported_at: a.reportedAt, reported_by: office.userId, reporter_org_id: office.orgId,
          created_at: a.reportedAt, updated_at: a.supplement?.reportedAt ?? a.reportedAt,
        };
      });
      ids.push(...(await tx.insertInto('accidents').values(rows).returning('id').execute()).map((r) => r.id));
    }
    await history(tx, accidents, ids, reporterFor, now, today, random);
    const caps = await indicators(tx, accidents, year, offices, now);
    return `${accidents.length} accidents, ${caps} control indicators`;
  },
};

/** Supplements, escalation receipts and investigations, as a county office would have recorded them. */
async function history(tx: Tx, accidents: DemoAccident[], ids: string[], reporterFor: (code: string) => Office | undefined, now: Date, today: string, random: () => number) {
  const supplements = [];
  const escalations = [];
  const investigations = [];
  const accountability = [];
  for (const [i, a] of accidents.entries()) {
    const id = ids[i]!;
    const by = reporterFor(a.regionCode)!.userId;
    if (a.supplement) {
      const r = a.supplement.result;
      supplements.push({
        accident_id: id, version: 1, changed_at: a.supplement.changedAt, reported_at: a.supplement.reportedAt,
        deaths: a.supplement.deaths, missing: null, serious_injuries: null, minor_injuries: null, direct_loss_yuan: null,
        result_deaths: r.deaths, result_missing: r.missing, result_serious_injuries: r.seriousInjuries, result_minor_injuries: r.minorInjuries,
        result_direct_loss_yuan: r.directLossYuan, result_grade: gradeAccident(r).grade,
        counted: a.supplement.counted, note: '伤者经抢救无效死亡', recorded_by: by, recorded_at: a.supplement.reportedAt,
      });
    }
    const city = new Date(a.reportedAt.getTime() + between(random, 20, 100) * 60_000);
    if (city.getTime() <= now.getTime()) {
      escalations.push({ accident_id: id, level: 'city', received_at: city, recorded_by: by, recorded_at: city });
      // A supplement that made it 较大 is what sends it on to the province.
      const after = Math.max(city.getTime(), a.supplement?.counted ? a.supplement.reportedAt.getTime() : 0);
      const province = new Date(after + between(random, 30, 110) * 60_000);
      if (a.grade !== 'ordinary' && province.getTime() <= now.getTime()) escalations.push({ accident_id: id, level: 'province', received_at: province, recorded_by: by, recorded_at: province });
    }
    const occurredOn = shanghaiDate(a.occurredAt);
    const age = (now.getTime() - a.occurredAt.getTime()) / DAY;
    if (age < 40 || (age < 80 && random() < 0.5)) continue;
    const submitted = addDays(occurredOn, between(random, 35, 58));
    if (compareDates(submitted, today) > 0) continue;
    const decided = addDays(submitted, between(random, 5, 14));
    const done = compareDates(decided, today) < 0 && age >= 80;
    const liability = random() > 0.1;
    investigations.push({
      accident_id: id, report_submitted_on: submitted, extended: false, decided_on: done ? decided : null, decision_extended: false,
      liability: done ? liability : null, checklist: JSON.stringify(Object.fromEntries(FOUR_NOT_LET_GO.map((k) => [k, done]))),
      conclusion: done ? (liability ? '经调查认定，该起事故是一起生产安全责任事故。' : '经调查认定，该起事故是一起非责任事故。') : null,
      closed_at: done ? startOfShanghaiDay(addDays(decided, 1)) : null, closed_by: done ? by : null, updated_by: by, updated_at: now,
    });
    if (done && liability) {
      accountability.push({ accident_id: id, person: '事故单位主要负责人', position: '总经理', org_name: '事故发生单位', failure: '未履行安全生产管理职责，未及时消除事故隐患', decision: '处上一年年收入40%的罚款', recorded_by: by, recorded_at: startOfShanghaiDay(decided) });
    }
  }
  const chunks = async <T>(rows: T[], insert: (part: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
  };
  await chunks(supplements, (p) => tx.insertInto('accident_supplements').values(p).execute());
  await chunks(escalations, (p) => tx.insertInto('accident_escalations').values(p).execute());
  await chunks(investigations, (p) => tx.insertInto('accident_investigations').values(p).execute());
  await chunks(accountability, (p) => tx.insertInto('accident_accountability').values(p).execute());
}

/**
 * This year's caps: each city's at about 95% of what it had last year (set by the province),
 * 正定县's likewise (set by 石家庄市).
 */
async function indicators(tx: Tx, accidents: DemoAccident[], year: number, offices: Office[], now: Date): Promise<number> {
  const lastYear = accidents.filter((a) => a.occurredAt.getTime() < startOfShanghaiDay(`${year}-01-01`).getTime());
  const units = [...new Set(accidents.map((a) => a.regionCode.slice(0, 4))), DEMO_COUNTY];
  const rows = [];
  for (const unit of units) {
    const setter = offices.find((o) => o.region === (unit.length === 4 ? unit.slice(0, 2) : DEMO_CITY));
    if (!setter) continue;
    const mine = lastYear.filter((a) => a.regionCode.startsWith(unit));
    for (const metric of INDICATOR_METRIC_CODES) {
      const def = INDICATOR_METRICS[metric];
      const counted = mine.filter((a) => def.category === null || a.category === def.category);
      const actual = def.measure === 'accidents' ? counted.length : counted.reduce((n, a) => n + a.current.deaths + a.current.missing, 0);
      rows.push({ region_code: unit, year, metric, cap: Math.max(2, Math.ceil(actual * 0.95)), set_by_org: setter.orgId, set_by: setter.userId, set_at: now });
    }
  }
  if (rows.length) await tx.insertInto('control_indicators').values(rows).onConflict((oc) => oc.doNothing()).execute();
  return rows.length;
}
