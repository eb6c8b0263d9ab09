import { accountabilityApplies, allowedActions, hazardClock, isDueSoon, lateness, regionLevel, type HazardDetail, type HazardStatus, type HazardSummary, type ListingLevel } from '@anjian/domain';
import type { SessionUser } from '../../platform/http/context.js';
import { clockFacts } from './hazards.clock.js';
import { recordAllows } from './hazards.policy.js';

export interface SummaryRow {
  id: string;
  title: string;
  level: 'general' | 'major';
  source: string;
  status: string;
  region_code: string;
  region_name: string;
  enterprise_id: string | null;
  enterprise_name: string | null;
  industry_code: string | null;
  found_on: string;
  deadline: string | null;
  listed_level: number | null;
  responsible_unit: string | null;
  closed_on: string | null;
  submitted_at: Date | null;
}

/** Lateness is computed from the dates and the clock (the domain's hazardClock) — never a stored flag that can lag. */
export function presentSummary(row: SummaryRow, now: Date): HazardSummary {
  const status = row.status as HazardStatus;
  const facts = clockFacts(row);
  const late = lateness(facts, now);
  const clock = hazardClock(facts);
  return {
    id: row.id,
    title: row.title,
    level: row.level,
    source: row.source as HazardSummary['source'],
    status: status,
    regionCode: row.region_code,
    regionName: row.region_name,
    enterprise: row.enterprise_id ? { id: row.enterprise_id, name: row.enterprise_name ?? '' } : null,
    industryCode: row.industry_code,
    foundOn: row.found_on,
    deadline: row.deadline,
    overdue: late?.kind === 'overdue',
    daysOverdue: late?.kind === 'overdue' ? late.days : 0,
    acceptanceOverdue: late?.kind === 'acceptance_overdue',
    daysAcceptanceOverdue: late?.kind === 'acceptance_overdue' ? late.days : 0,
    dueSoon: late === null && clock !== null && isDueSoon(clock.lastDay, now),
    listedLevel: row.listed_level,
    responsibleUnit: row.responsible_unit,
    closedOn: row.closed_on,
  };
}

/**
 * Whether 问责 can apply to the hazard now (the domain's accountabilityApplies): the escalation
 * marked it, it is overdue, or its record holds a refused acceptance or a failed 回头看.
 */
export function accountabilityGrounds(h: { status: string; deadline: string | null; submitted_at: Date | null; accountability_required: boolean }, pastActions: readonly string[], now: Date): boolean {
  return accountabilityApplies({ accountabilityRequired: h.accountability_required, overdue: lateness(clockFacts(h), now)?.kind === 'overdue', pastActions });
}

/** The acts this user may perform now; the UI shows exactly these buttons. */
export function hazardActions(user: SessionUser, h: { status: string; level: 'general' | 'major'; listed_level: number | null; extension_request: unknown; responsible_org_id: string | null; enterprise_id: string | null }, grounds: boolean): HazardDetail['actions'] {
  const level = regionLevel(user.regionCode);
  return allowedActions(h.status as HazardStatus, {
    level: h.level,
    listedAtLevel: h.listed_level as ListingLevel | null,
    extensionPending: h.extension_request !== null,
    accountabilityGrounds: grounds,
    permissions: user.permissions,
    actorRegionLevel: level === 0 ? undefined : level,
  }).filter((action) => recordAllows(user, h, action));
}
