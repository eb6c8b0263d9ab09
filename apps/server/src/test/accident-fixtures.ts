import { gradeAccident } from '@anjian/domain';
import type { Database } from '../platform/db/database.js';

/** A valid report body; override what a test is about. */
export function accidentBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    occurredAt: '2026-06-01T02:00:00Z',
    regionCode: '130123',
    place: '正定县某工地',
    category: 'industrial_mining_trade',
    industryCode: 'construction',
    deaths: 1,
    missing: 0,
    seriousInjuries: 0,
    minorInjuries: 1,
    directLossYuan: 1_500_000,
    summary: '高处坠落事故',
    ...overrides,
  };
}

/**
 * An accident written straight into the ledger (for access tests that need a target, fast and
 * independent of the routes under test). The grade is still the domain's.
 */
export async function insertAccident(db: Database, a: {
  regionCode: string; reportedBy: string; orgId: string; occurredAt?: Date; deaths?: number; category?: string; industryCode?: string | null; enterpriseId?: string | null;
}): Promise<string> {
  const occurredAt = a.occurredAt ?? new Date(Date.now() - 3 * 86_400_000);
  const deaths = a.deaths ?? 1;
  const grade = gradeAccident({ deaths, missing: 0, seriousInjuries: 0, directLossYuan: 0 }).grade;
  const { id } = await db.insertInto('accidents').values({
    occurred_at: occurredAt, region_code: a.regionCode, place: '测试地点', enterprise_id: a.enterpriseId ?? null,
    industry_code: a.industryCode === undefined ? 'construction' : a.industryCode, category: a.category ?? 'industrial_mining_trade',
    initial_deaths: deaths, initial_missing: 0, initial_serious_injuries: 0, initial_minor_injuries: 0, initial_direct_loss_yuan: 0, initial_grade: grade,
    deaths, missing: 0, serious_injuries: 0, minor_injuries: 0, direct_loss_yuan: 0, grade,
    summary: '测试事故', cause: null, reported_at: new Date(occurredAt.getTime() + 30 * 60_000), reported_by: a.reportedBy, reporter_org_id: a.orgId,
    created_at: new Date(), updated_at: new Date(),
  }).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Everything an investigation needs to close, written straight in. */
export async function makeClosable(db: Database, accidentId: string, userId: string): Promise<void> {
  const now = new Date();
  await db.insertInto('accident_investigations').values({
    accident_id: accidentId, report_submitted_on: '2026-01-10', decided_on: '2026-01-20', liability: true,
    checklist: JSON.stringify({ cause_identified: true, responsible_dealt_with: true, people_educated: true, measures_taken: true }),
    updated_by: userId, updated_at: now,
  }).execute();
  await db.insertInto('accident_accountability').values({ accident_id: accidentId, person: '张某', failure: '未履行安全管理职责', decision: '撤职', recorded_by: userId, recorded_at: now }).execute();
}
