import { gradeAccident, type AccidentCategory } from '@anjian/domain';
import { copyRow } from '../db.js';
import type { Account } from '../load/structure.js';
import type { Random } from '../random.js';
import type { World } from '../world.js';

/**
 * Ten years of production-safety accidents, as a province reports them: about 10⁴ a year,
 * slowly falling (−4% a year); mostly road traffic and 工矿商贸; 0–2 deaths in nearly all of
 * them, 较大 (3–9 deaths) in about 4%, 重大 (10–29) a handful in ten years; graded by the
 * domain's Decree 493 function, never by hand; most reported within the hour, some late.
 */
const CATEGORIES = [['road_traffic', 44], ['industrial_mining_trade', 36], ['fire', 10], ['waterway', 3], ['agricultural_machinery', 3], ['railway', 1], ['fishing_vessel', 1], ['other', 2]] as const satisfies readonly (readonly [AccidentCategory, number])[];
const INDUSTRIAL = [['construction', 30], ['metallurgy', 9], ['machinery', 9], ['hazardous_chemicals', 9], ['confined_space', 8], ['non_coal_mine', 7], ['special_equipment', 7], ['urban_gas', 7], ['dust_explosion', 5], ['ammonia_refrigeration', 4]] as const;
const INDUSTRY_OF: Partial<Record<AccidentCategory, string>> = { road_traffic: 'road_transport', fire: 'crowded_places', agricultural_machinery: 'agricultural_machinery', fishing_vessel: 'fishing_vessel' };
const KINDS = ['高处坠落', '物体打击', '机械伤害', '起重伤害', '触电', '坍塌', '中毒和窒息', '车辆伤害', '火灾', '淹溺'];

export const ACCIDENT_COLUMNS = 'occurred_at, region_code, place, enterprise_id, industry_code, category, initial_deaths, initial_missing, initial_serious_injuries, initial_minor_injuries, initial_direct_loss_yuan, initial_grade, deaths, missing, serious_injuries, minor_injuries, direct_loss_yuan, grade, summary, cause, reported_at, reported_by, reporter_org_id, created_at, updated_at';

export function* accidentRows(o: { world: World; r: Random; count: number; now: Date; reporters: Map<string, Account>; enterprisesByCounty: Map<string, string[]>; industries: string[] }): Generator<string> {
  const { r } = o;
  const end = o.now.getTime() - 3_600_000;
  const start = end - 3650 * 86_400_000;
  const places = [...o.world.townships, ...o.world.townships, ...o.world.villages.filter((_, i) => i % 20 === 0)];
  for (let i = 0; i < o.count; i++) {
    // About 4% fewer a year: the density falls linearly by a third over the ten years
    // (∝ 1 − a·x on [0, 1], a = 0.34); x is the inverse of its distribution function.
    const a = 0.34;
    const x = (1 - Math.sqrt(1 - 2 * a * r.next() * (1 - a / 2))) / a;
    const occurredAt = new Date(Math.floor(start + Math.min(1, Math.max(0, x)) * (end - start)));
    const region = r.pick(places);
    const county = region.code.slice(0, 6);
    const reporter = o.reporters.get(county) ?? [...o.reporters.values()][0]!;
    const category = r.weighted(CATEGORIES);
    const industry = category === 'industrial_mining_trade' ? r.weighted(INDUSTRIAL) : (INDUSTRY_OF[category] ?? null);
    const band = r.weighted([['none', 28], ['one', 55], ['two', 12.45], ['major', 4.5], ['serious', 0.05]] as const);
    const deaths = band === 'none' ? 0 : band === 'one' ? 1 : band === 'two' ? 2 : band === 'major' ? r.int(3, 9) : r.int(10, 29);
    const missing = band !== 'none' && r.chance(0.02) ? 1 : 0;
    const serious = band === 'major' || band === 'serious' ? r.int(0, 15) : r.weighted([[0, 70], [1, 20], [2, 7], [3, 3]] as const);
    const minor = r.int(0, band === 'major' || band === 'serious' ? 20 : 4);
    const loss = (band === 'major' ? r.int(3_000, 15_000) : band === 'serious' ? r.int(20_000, 60_000) : r.int(20, 2_500)) * 1_000;
    const grade = gradeAccident({ deaths, missing, seriousInjuries: serious, directLossYuan: loss }).grade;
    const ents = category === 'industrial_mining_trade' ? o.enterprisesByCounty.get(county) : undefined;
    const enterprise = ents?.length && r.chance(0.6) ? r.pick(ents) : null;
    const reportedAt = new Date(Math.min(o.now.getTime(), occurredAt.getTime() + (r.chance(0.08) ? r.int(65, 180) : r.int(15, 58)) * 60_000));
    const kind = r.pick(KINDS);
    const created = reportedAt.toISOString();
    yield copyRow([
      occurredAt.toISOString(), region.code, `${region.name}${kind}现场`, enterprise, industry && o.industries.includes(industry) ? industry : null, category,
      deaths, missing, serious, minor, loss, grade, deaths, missing, serious, minor, loss, grade,
      `${region.name}发生一起${kind}事故，造成${deaths + missing}人死亡（含失踪）、${serious}人重伤。`, '安全管理制度不落实，现场作业人员违章作业',
      reportedAt.toISOString(), reporter.userId, reporter.orgId, created, created,
    ]);
  }
}
