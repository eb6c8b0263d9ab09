import { addDays, type BusinessDate } from '../time/shanghai.js';

/**
 * 关闭/取缔 is final; "严防死灰复燃" — a closed site is re-checked. The platform schedules one
 * re-check a quarter for the first year after closure (the practice of most provinces'
 * 关闭取缔 rules); each result is recorded, and a site found operating again is flagged.
 */
export const RECHECK_INTERVAL_DAYS = 90;
export const RECHECK_COUNT = 4;

export function recheckSchedule(closedOn: BusinessDate): BusinessDate[] {
  return Array.from({ length: RECHECK_COUNT }, (_, i) => addDays(closedOn, RECHECK_INTERVAL_DAYS * (i + 1)));
}

/** A re-check is due from its day on until its result is recorded: the one definition of "due" for closed sites. */
export function recheckIsDue(dueOn: BusinessDate, today: BusinessDate, recorded: boolean): boolean {
  return !recorded && dueOn <= today;
}

export const RECHECK_RESULTS = ['still_closed', 'operating_again'] as const;
export type RecheckResult = (typeof RECHECK_RESULTS)[number];
export const RECHECK_RESULT_LABELS = {
  still_closed: { zh: '保持关闭', en: 'Still closed' },
  operating_again: { zh: '死灰复燃（擅自恢复生产）', en: 'Operating again illegally' },
} as const;

/** A blacklist entry is in force on `today` when today lies in [from, to] and it was not removed. */
export function blacklistInForce(e: { fromOn: BusinessDate; toOn: BusinessDate; removed: boolean }, today: BusinessDate): boolean {
  return !e.removed && e.fromOn <= today && today <= e.toOn;
}

/**
 * 联合惩戒 in 双随机 draws ("draws raise its frequency"): an enterprise with a blacklist entry in
 * force on the day a draw's inputs are fixed weighs BLACKLIST_DRAW_WEIGHT in the register, every
 * other enterprise 1 — within its stratum it is three times as likely to be drawn. The weight is
 * part of the published register, so the draw stays verifiable from the page alone.
 */
export const BLACKLIST_DRAW_WEIGHT = 3;

export function blacklistDrawWeight(entries: readonly { fromOn: BusinessDate; toOn: BusinessDate; removed: boolean }[], on: BusinessDate): number {
  return entries.some((e) => blacklistInForce(e, on)) ? BLACKLIST_DRAW_WEIGHT : 1;
}
