import type { DrawStratum } from '@anjian/domain';
import type { Executor } from '../../platform/db/database.js';
import { enterprisesWithMajorHazards } from '../hazards/index.js';
import { operatingRegister } from '../enterprises/index.js';

export interface RegisterRow {
  id: string;
  name: string;
  regionCode: string;
  industries: string[];
  stratum: DrawStratum;
  weight: number;
}

export type RegisterSource = (plan: { region_code: string; industries: string[] | null; key_rule: { scales: string[]; majorHazardMonths: number } }, on: string) => Promise<RegisterRow[]>;

/**
 * An enterprise's weight in a draw (≥ 1). The cases module supplies it: an enterprise on the
 * 黑名单 is drawn more often ("draws raise its frequency", blacklistDrawWeight); without a
 * source every weight is 1.
 */
export type WeightSource = (enterpriseIds: readonly string[]) => Promise<Map<string, number>>;

/** `months` before `on` (a business date), clamped to the month's last day. */
export function monthsBefore(on: string, months: number): string {
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The register a draw snapshots: the plan's operating enterprises, each classed by the plan's
 * key rule (监管分类: scale, or a 重大事故隐患 found in the last N months) and weighted.
 */
export function createRegisterSource(db: Executor, weights: WeightSource | null): RegisterSource {
  return async (plan, on) => {
    const rows = await operatingRegister(db, plan.region_code, plan.industries);
    const ids = rows.map((r) => r.id);
    const major = plan.key_rule.majorHazardMonths > 0 ? await enterprisesWithMajorHazards(db, ids, monthsBefore(on, plan.key_rule.majorHazardMonths)) : new Set<string>();
    const weightOf = weights ? await weights(ids) : new Map<string, number>();
    const scales = new Set(plan.key_rule.scales);
    return rows.map((r) => ({
      id: r.id, name: r.name, regionCode: r.region_code, industries: r.industries,
      stratum: scales.has(r.scale) || major.has(r.id) ? 'key' : 'other',
      weight: weightOf.get(r.id) ?? 1,
    }));
  };
}
