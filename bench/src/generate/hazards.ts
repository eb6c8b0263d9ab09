import { HAZARD_IMPORT_COLUMNS } from '@anjian/domain';
import { addDays, daysBetween, type Random } from '../random.js';
import type { Enterprise } from './enterprises.js';
import { personName } from '../load/structure.js';
import type { World } from '../world.js';

/**
 * Ten years of a province's hazard ledger, as the CSV the platform's import reads, in the
 * order the hazards were found (a ledger is kept by date, and ids then follow time as they do
 * on a live platform). The shape, per hazard:
 * - when: ten years back to today, twice as many a day now as ten years ago (campaigns grew);
 * - where: 88% at an enterprise (its village, its main industry, its USCC), the rest in a
 *   village or township without one (public places, roads);
 * - level: 1% major (重大事故隐患); source: inspections 40%, self-inspection 25%, campaigns
 *   15%, unannounced visits 10%, experts 7%, citizen reports 3%;
 * - state by age: the last days mostly reported or verified, the last month mostly being
 *   rectified, older ones closed (96%) or rejected (3.5%), with a thin tail never closed —
 *   open and overdue, years later (about 1% of all hazards open, a third of those overdue);
 *   deadlines 7–30 days (major: 30–90), closures mostly before the deadline, some late;
 * - listing: 60% of major hazards past verification are listed, mostly by the county.
 */
export const HAZARD_CSV_HEADER = HAZARD_IMPORT_COLUMNS.map((c) => c.header).join(',') + '\n';

const TITLES: Record<string, string[]> = {
  construction: ['脚手架连墙件缺失，架体存在倾覆风险', '深基坑临边未设置防护栏杆', '塔式起重机起重力矩限制器失效', '高处作业人员未系挂安全带', '施工现场临时用电未实行一机一闸一漏'],
  hazardous_chemicals: ['储罐区可燃气体检测报警器失效', '装卸作业未设置静电接地装置', '危化品仓库超量储存', '重点监管危险化工工艺装置未实现自动化控制'],
  urban_gas: ['餐饮场所未安装可燃气体泄漏报警装置', '液化石油气钢瓶与灶具未保持安全距离', '埋地燃气管道被违章占压'],
  metallurgy: ['煤气区域未设置固定式一氧化碳检测报警装置', '高温熔融金属吊运未采用冶金起重机', '冷却水系统无断水报警'],
  machinery: ['冲压设备安全防护装置缺失', '砂轮机防护罩缺失', '喷漆房未使用防爆电气设备'],
  dust_explosion: ['除尘系统未设置泄爆装置', '粉尘作业区使用非防爆电气设备', '未按规定清理作业现场积尘'],
  crowded_places: ['疏散通道堆放杂物', '安全出口上锁', '消防栓无水', '应急照明灯损坏'],
  special_equipment: ['电梯超期未检验', '压力容器安全阀未按期校验', '叉车司机无证作业'],
  road_transport: ['客运车辆动态监控离线', '驾驶员超时驾驶未纠正'],
  confined_space: ['有限空间作业未经审批', '有限空间作业未配备气体检测仪'],
  ammonia_refrigeration: ['液氨管道阀门泄漏', '氨机房未设置氨气浓度报警'],
  default: ['安全管理制度未落实', '未开展安全生产教育培训', '灭火器过期', '配电箱未接地'],
};
const SOURCES = [['government_inspection', 40], ['self_inspection', 25], ['campaign', 15], ['unannounced', 10], ['expert', 7], ['public_report', 3]] as const;
const NO_ENTERPRISE_INDUSTRIES = ['crowded_places', 'road_transport', 'urban_gas', 'tourism', ''];

type Status = 'reported' | 'verified' | 'rectifying' | 'pending_acceptance' | 'closed' | 'rejected';

function statusByAge(r: Random, age: number): Status {
  if (age <= 3) return r.weighted([['reported', 60], ['verified', 30], ['rejected', 5], ['rectifying', 5]] as const);
  if (age <= 30) return r.weighted([['reported', 2], ['verified', 4], ['rectifying', 40], ['pending_acceptance', 10], ['closed', 39], ['rejected', 5]] as const);
  if (age <= 90) return r.weighted([['rectifying', 4], ['pending_acceptance', 1], ['closed', 90], ['rejected', 5]] as const);
  if (age <= 365) return r.weighted([['rectifying', 0.3], ['pending_acceptance', 0.05], ['closed', 95.65], ['rejected', 4]] as const);
  return r.weighted([['rectifying', 0.01], ['closed', 96.49], ['rejected', 3.5]] as const);
}

export interface HazardGenerator {
  /** The next `n` rows as CSV (with the header), in date order. */
  chunk(n: number): Buffer;
  generated: number;
}

export function hazardGenerator(world: World, enterprises: Enterprise[], r: Random, total: number, today: string): HazardGenerator {
  const start = addDays(today, -3650);
  const span = daysBetween(start, today);
  const ramp = 1; // the density today is (1 + ramp) times that of ten years ago
  let i = 0;
  const placesWithout = [...world.villages.map((v) => v.code), ...world.townships.map((t) => t.code)];

  function row(): string {
    // Stratified and monotone: row i falls in the i-th slice of the ramp's distribution.
    const u = (i + r.next()) / total;
    const x = (-1 + Math.sqrt(1 + 2 * ramp * u * (1 + ramp / 2))) / ramp;
    const foundOn = addDays(start, Math.min(span, Math.floor(x * (span + 1))));
    const age = daysBetween(foundOn, today);
    const ent = enterprises.length && r.chance(0.88) ? r.pick(enterprises) : null;
    const industry = ent ? ent.industries[0]! : r.pick(NO_ENTERPRISE_INDUSTRIES);
    const region = ent ? ent.regionCode : r.pick(placesWithout);
    const major = r.chance(0.01);
    const status = statusByAge(r, age);
    const assigned = status === 'rectifying' || status === 'pending_acceptance' || status === 'closed';
    const deadline = assigned ? addDays(foundOn, major ? r.int(30, 90) : r.int(7, 30)) : '';
    let closedOn = '';
    if (status === 'closed') {
      const late = r.chance(0.1);
      const days = late ? daysBetween(foundOn, deadline) + r.int(1, 30) : r.int(1, Math.max(1, daysBetween(foundOn, deadline)));
      closedOn = addDays(foundOn, Math.min(days, age));
    }
    const listed = major && status !== 'reported' && status !== 'rejected' && r.chance(0.6) ? r.weighted([[3, 70], [2, 25], [1, 5]] as const) : '';
    const title = r.pick(TITLES[industry] ?? TITLES.default!);
    i++;
    return [
      title, major ? 'major' : 'general', r.weighted(SOURCES), status, region, ent?.uscc ?? '', industry, foundOn, deadline,
      assigned && ent ? ent.name : '', assigned ? personName(r) : '', closedOn, listed,
    ].join(',') + '\n';
  }

  return {
    get generated() { return i; },
    chunk(n: number): Buffer {
      const parts = [HAZARD_CSV_HEADER];
      for (let k = 0; k < n && i < total; k++) parts.push(row());
      return Buffer.from(parts.join(''));
    },
  };
}

/** A few hundred hazards awaiting acceptance in one county: the accept load test's supply. */
export function pendingSupply(county: string, villages: string[], r: Random, n: number, today: string): Buffer {
  const parts = [HAZARD_CSV_HEADER];
  for (let k = 0; k < n; k++) {
    const foundOn = addDays(today, -r.int(5, 20));
    parts.push([`待验收隐患${k}`, 'general', 'government_inspection', 'pending_acceptance', r.pick(villages.filter((v) => v.startsWith(county))), '', 'construction', foundOn, addDays(foundOn, 30), '', '', '', ''].join(',') + '\n');
  }
  return Buffer.from(parts.join(''));
}
