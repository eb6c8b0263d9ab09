import { applySupplements, gradeAccident, type AccidentCategory, type AccidentGrade } from '@anjian/domain';

/*
 * The demo's accident generator: deterministic (seededRandom, never Math.random), so every
 * demo database holds the same story. The mix follows what provincial reports show: mostly
 * road traffic and 工矿商贸, mostly 一般 with one or no death, a few 较大.
 */

/** A number in [0, 1) from the step's seeded generator. */
export type Random = () => number;

export function pick<T>(random: Random, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((n, [, w]) => n + w, 0);
  let r = random() * total;
  for (const [value, w] of weighted) {
    r -= w;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

export const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

const CATEGORIES = [
  ['road_traffic', 44], ['industrial_mining_trade', 36], ['fire', 10], ['waterway', 3], ['agricultural_machinery', 3], ['railway', 1], ['fishing_vessel', 1], ['other', 2],
] as const satisfies readonly (readonly [AccidentCategory, number])[];

const INDUSTRIAL = [
  ['construction', 30], ['metallurgy', 9], ['machinery', 9], ['hazardous_chemicals', 9], ['confined_space', 8], ['non_coal_mine', 7],
  ['special_equipment', 7], ['urban_gas', 7], ['dust_explosion', 5], ['coal_mine', 5], ['ammonia_refrigeration', 4],
] as const;

const INDUSTRY_OF: Partial<Record<AccidentCategory, string>> = {
  road_traffic: 'road_transport', fire: 'crowded_places', agricultural_machinery: 'agricultural_machinery', fishing_vessel: 'fishing_vessel',
};

const KINDS: Record<string, readonly string[]> = {
  industrial_mining_trade: ['高处坠落', '物体打击', '机械伤害', '起重伤害', '触电', '坍塌', '中毒和窒息', '车辆伤害'],
  road_traffic: ['货车追尾', '客车侧翻', '货车与电动车相撞', '危化品运输车辆碰撞'],
  fire: ['电气线路故障引发火灾', '违规动火作业引发火灾', '仓库火灾'],
  waterway: ['船舶碰撞', '船舶倾覆'],
  agricultural_machinery: ['拖拉机侧翻', '收割机伤人'],
  railway: ['铁路道口相撞'],
  fishing_vessel: ['渔船翻沉'],
  other: ['景区游乐设施事故', '燃气泄漏爆炸'],
};

const PLACES: Record<string, readonly string[]> = {
  industrial_mining_trade: ['某建设项目施工现场', '某钢铁有限公司厂区', '某机械制造厂车间', '某化工有限公司', '某矿业公司采场', '某食品公司冷库'],
  road_traffic: ['国道与县道交叉口', '高速公路', '省道'],
  fire: ['某商贸城', '某物流仓库', '某小区沿街商铺'],
  waterway: ['水库'], agricultural_machinery: ['村外农田'], railway: ['铁路道口'], fishing_vessel: ['近海'], other: ['某景区'],
};

const CAUSES = ['安全管理制度不落实，现场作业人员违章作业', '企业主体责任不落实，安全培训教育不到位', '隐患排查治理不到位，未及时消除事故隐患', '驾驶人超速行驶、疲劳驾驶', '违规动火作业，未落实防范措施'];

export interface DemoFigures {
  deaths: number;
  missing: number;
  seriousInjuries: number;
  minorInjuries: number;
  directLossYuan: number;
}

export interface DemoAccident {
  occurredAt: Date;
  regionCode: string;
  place: string;
  category: AccidentCategory;
  industryCode: string | null;
  initial: DemoFigures;
  /** A casualty change (one more death), reported as a supplement naming the deaths alone. */
  supplement: { changedAt: Date; reportedAt: Date; deaths: number; counted: boolean; result: DemoFigures } | null;
  /** The figures after the supplement, as applySupplements merges them. */
  current: DemoFigures;
  grade: AccidentGrade;
  initialGrade: AccidentGrade;
  summary: string;
  cause: string;
  reportedAt: Date;
}

/** One accident at `occurredAt` in `regionCode`, named after `placeName` (the township). */
export function demoAccident(random: Random, occurredAt: Date, regionCode: string, placeName: string, now: Date): DemoAccident {
  const category = pick(random, CATEGORIES);
  const industryCode = category === 'industrial_mining_trade' ? pick(random, INDUSTRIAL) : (INDUSTRY_OF[category] ?? null);
  const major = random() < 0.04;
  const deaths = major ? between(random, 3, 6) : pick(random, [[0, 18], [1, 67], [2, 15]] as const);
  const seriousInjuries = major ? between(random, 1, 8) : between(random, 0, 2);
  const minorInjuries = between(random, 0, major ? 12 : 4);
  const directLossYuan = major ? between(random, 3_000, 15_000) * 1_000 : between(random, 50, 2_500) * 1_000;
  const initial = { deaths, missing: 0, seriousInjuries, minorInjuries, directLossYuan };
  const grade0 = gradeAccident(initial).grade;

  let supplement: DemoAccident['supplement'] = null;
  let current = initial;
  if (!major && deaths >= 1 && random() < 0.06) {
    const changedAt = new Date(occurredAt.getTime() + between(random, 1, 5) * 86_400_000);
    const reportedAt = new Date(changedAt.getTime() + between(random, 1, 6) * 3_600_000);
    if (reportedAt.getTime() <= now.getTime()) {
      const applied = applySupplements(initial, occurredAt, category, [{ changedAt, reportedAt, named: { deaths: deaths + 1 } }]);
      current = applied.figures;
      supplement = { changedAt, reportedAt, deaths: deaths + 1, counted: applied.history[0]!.counted, result: current };
    }
  }
  const grade = gradeAccident(current).grade;
  // Most reports reach the county within the hour; some are late (迟报).
  const reportedAt = new Date(Math.min(now.getTime(), occurredAt.getTime() + (random() < 0.08 ? between(random, 65, 180) : between(random, 15, 58)) * 60_000));
  const kind = KINDS[category]![between(random, 0, KINDS[category]!.length - 1)]!;
  const place = `${placeName}${PLACES[category]![between(random, 0, PLACES[category]!.length - 1)]!}`;
  return {
    occurredAt, regionCode, place, category, industryCode, initial, supplement, current, grade, initialGrade: grade0, reportedAt,
    summary: `${place}发生一起${kind}事故，造成${current.deaths}人死亡、${seriousInjuries}人重伤、${minorInjuries}人轻伤。`,
    cause: CAUSES[between(random, 0, CAUSES.length - 1)]!,
  };
}
