import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAZARD_CLOCK_CASES, lateness, samePeriodLastYear, shanghaiDate, subtreePrefix, yearToDate } from '@anjian/domain';
import { Scope } from '../../platform/access/scope.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { createHazardStatsRepository } from '../stats/hazard-stats.repository.js';
import { createHazardStatsRollup } from '../stats/hazard-stats.rollup.js';
import { clockFacts } from './hazards.clock.js';
import { hazardWorld } from './hazards.fixture.js';
import { createHazardQueries } from './hazards.queries.js';

/**
 * The hazard clock (逾期 / 验收超期) is defined once; here every place that shows it is pinned on
 * the boundary days: the SQL functions against the table of cases, then the ledger's filter and
 * counts (rolled up and live, before and after the fold), the dashboards (rollup and live), the
 * inbox, the lists, exposure and the escalation job — each against figures counted from scratch
 * with the domain's rule. Today is 2026-06-11 (Shanghai).
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof hazardWorld>>;
let province: string;
const TODAY = '2026-06-11';
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ start: `${TODAY}T04:00:00Z` });
  w = await hazardWorld(t);
  province = await t.login((await t.factories.user({ orgId: await t.factories.org({ type: 'safety_committee_office', regionCode: '13' }), roles: ['leader'] })).username);
  const assigned = { regionCode: '130123100001', enterpriseId: w.org.enterprise, responsible_org_id: w.org.enterprise, assigned_by_org_id: w.org.town, assigned_at: new Date('2026-05-01T02:00:00Z') };
  const hazards: Record<string, Record<string, unknown>> = {
    // The deadline day is in time; the day after it is not.
    A_deadlineToday: { status: 'rectifying', deadline: TODAY },
    B_deadlineYesterday: { status: 'rectifying', deadline: '2026-06-10' },
    // Submitted at 23:59:59 on the deadline day (Shanghai): the acceptor has 10 days, to 06-20.
    C_submittedOnDeadline: { status: 'pending_acceptance', deadline: '2026-06-10', submitted_at: new Date('2026-06-10T15:59:59Z') },
    // Submitted 3 weeks early: the acceptor was due by the deadline, yesterday.
    D_acceptanceLate: { status: 'pending_acceptance', deadline: '2026-06-10', submitted_at: new Date('2026-05-20T02:00:00Z') },
    // Submitted at 00:00 the day after the deadline: the enterprise was already overdue.
    E_submittedLate: { status: 'pending_acceptance', deadline: '2026-06-10', submitted_at: new Date('2026-06-10T16:00:00Z') },
    // Submitted early, deadline today: the acceptor's last day is today.
    F_acceptanceDueToday: { status: 'pending_acceptance', deadline: TODAY, submitted_at: new Date('2026-06-01T02:00:00Z') },
    // Submitted 05-31, deadline 06-05: the acceptor's 10 days ran out yesterday.
    G_acceptanceTenDaysLate: { status: 'pending_acceptance', deadline: '2026-06-05', submitted_at: new Date('2026-05-31T02:00:00Z') },
    H_closed: { status: 'closed', deadline: '2026-06-10', closed_on: '2026-06-09', closed_at: new Date('2026-06-09T02:00:00Z') },
  };
  for (const [name, h] of Object.entries(hazards)) ids[name] = await t.factories.hazard({ ...assigned, title: name, found_on: '2026-05-01', ...h });
});
afterAll(async () => t?.close());

const OVERDUE = ['B_deadlineYesterday', 'E_submittedLate'];
const ACCEPTANCE_OVERDUE = ['D_acceptanceLate', 'G_acceptanceTenDaysLate'];
const get = async (url: string, cookie = w.people.county.cookie) => {
  const res = await t.request({ method: 'GET', url, cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const titles = (items: { title: string }[]) => items.map((h) => h.title).sort();
const scope = (regionCode: string): Scope => new Scope({ orgId: w.org.county, orgType: 'safety_committee_office', regionCode, orgIndustries: [] });

/** The figures counted from scratch: every hazard read, each judged by the domain's rule. */
async function fromScratch(today: string) {
  const rows = await t.db.selectFrom('hazards').select(['status', 'deadline', 'submitted_at', 'escalated_at']).execute();
  const at = new Date(`${today}T04:00:00Z`);
  const kinds = rows.map((r) => ({ kind: lateness(clockFacts(r), at)?.kind ?? null, escalated: r.escalated_at !== null }));
  return {
    overdue: kinds.filter((k) => k.kind === 'overdue').length,
    acceptanceOverdue: kinds.filter((k) => k.kind === 'acceptance_overdue').length,
    exposed: kinds.filter((k) => k.kind === 'overdue' && k.escalated).length,
  };
}

describe('the SQL definition', () => {
  it('says what the table of cases says, row for row', async () => {
    for (const c of HAZARD_CLOCK_CASES) {
      const { rows: [r] } = await sql<{ by: string | null; late: boolean | null; days: number | null }>`
        select hazard_due_by(${c.status}, ${c.deadline}::date, ${c.submittedAt}::timestamptz) as by,
          hazard_past(hazard_due_on(${c.status}, ${c.deadline}::date, ${c.submittedAt}::timestamptz), ${c.today}::date) as late,
          ${c.today}::date - hazard_due_on(${c.status}, ${c.deadline}::date, ${c.submittedAt}::timestamptz) as days`.execute(t.db);
      const got = r!.late ? { kind: r!.by === 'o' ? 'overdue' : r!.by === 'a' ? 'acceptance_overdue' : r!.by, days: r!.days } : null;
      expect(got, c.name).toEqual(c.late);
    }
  });
});

describe('on the boundary day', () => {
  it('the ledger filters and flags: deadline today in time, yesterday overdue; a late acceptance is not the enterprise’s', async () => {
    expect(titles((await get('/api/hazards?overdue=true&limit=200')).items)).toEqual(OVERDUE);
    expect(titles((await get('/api/hazards?acceptanceOverdue=true&limit=200')).items)).toEqual(ACCEPTANCE_OVERDUE);
    const inTime = titles((await get('/api/hazards?overdue=false&acceptanceOverdue=false&limit=200')).items);
    expect(inTime).toEqual(['A_deadlineToday', 'C_submittedOnDeadline', 'F_acceptanceDueToday', 'H_closed']);
    const items = new Map<string, Record<string, unknown>>((await get('/api/hazards?limit=200')).items.map((h: { title: string }) => [h.title, h]));
    expect(items.get('A_deadlineToday')).toMatchObject({ overdue: false, daysOverdue: 0, acceptanceOverdue: false, dueSoon: true });
    expect(items.get('B_deadlineYesterday')).toMatchObject({ overdue: true, daysOverdue: 1, acceptanceOverdue: false, dueSoon: false });
    expect(items.get('D_acceptanceLate')).toMatchObject({ overdue: false, daysOverdue: 0, acceptanceOverdue: true, daysAcceptanceOverdue: 1 });
    expect(items.get('E_submittedLate')).toMatchObject({ overdue: true, daysOverdue: 1, acceptanceOverdue: false });
    expect(items.get('C_submittedOnDeadline')).toMatchObject({ overdue: false, acceptanceOverdue: false });
    expect(items.get('G_acceptanceTenDaysLate')).toMatchObject({ acceptanceOverdue: true, daysAcceptanceOverdue: 1 });
  });

  it('the ledger counts, from the rollup (before and after the fold) and counted live', async () => {
    const expected = { overdue: 2, acceptanceOverdue: 2 };
    expect(await fromScratch(TODAY)).toMatchObject(expected);
    for (const folded of [false, true]) {
      if (folded) await t.runJob('hazards.fold_changes');
      // County, township (rollup tiers), village and an enterprise filter (counted live).
      for (const q of ['', '&regionCode=130123100', '&regionCode=130123100001', `&enterpriseId=${w.org.enterprise}`]) {
        const counts = (await get(`/api/hazards?limit=1${q}`)).counts;
        expect(counts, `${q} folded ${folded}`).toMatchObject({ ...expected, total: 8 });
        expect((await get(`/api/hazards?limit=1&overdue=true${q}`)).counts, q).toMatchObject({ total: 2, overdue: 2, acceptanceOverdue: 0 });
        expect((await get(`/api/hazards?limit=1&acceptanceOverdue=true${q}`)).counts, q).toMatchObject({ total: 2, overdue: 0, acceptanceOverdue: 2 });
        expect((await get(`/api/hazards?limit=1&overdue=false${q}`)).counts, q).toMatchObject({ total: 6, overdue: 0, acceptanceOverdue: 2 });
        expect((await get(`/api/hazards?limit=1&overdue=true&acceptanceOverdue=true${q}`)).counts, q).toMatchObject({ total: 0 });
      }
    }
  });

  it('the dashboards of the province, city and county (rollup) and the township (live)', async () => {
    const cases = [['13', province], ['1301', w.people.cityLeader.cookie], ['130123', w.people.county.cookie], ['130123100', w.people.county.cookie]] as const;
    for (const [region, cookie] of cases) {
      const s = await get(`/api/stats/hazards?regionCode=${region}`, cookie);
      expect(s.totals.snapshot, region).toMatchObject({ overdue: 2, acceptanceOverdue: 2 });
      const child = s.byRegion.find((r: { code: string }) => '130123100001'.startsWith(r.code));
      expect(child.snapshot, region).toMatchObject({ overdue: 2, acceptanceOverdue: 2 });
    }
  });

  it('the inbox and the lists', async () => {
    const inbox = (await get('/api/inbox', w.people.town.cookie)).tasks;
    expect(titles(inbox.overdue.items)).toEqual(OVERDUE);
    expect(titles(inbox.dueSoon.items)).toEqual(['A_deadlineToday', 'F_acceptanceDueToday']);
    const rows = new Map<string, Record<string, unknown>>((await get('/api/hazard-lists/problems')).rows.map((r: { title: string }) => [r.title, r]));
    expect(rows.get('A_deadlineToday')!.overdue).toBe('否');
    expect(rows.get('B_deadlineYesterday')!.overdue).toBe('是');
    expect(rows.get('D_acceptanceLate')!.overdue).toBe('验收超期');
    expect(rows.get('E_submittedLate')!.overdue).toBe('是');
  });

  it('the rollups equal the domain counting from scratch, on either side of every boundary', async () => {
    const queries = createHazardQueries(t.db);
    const rollup = createHazardStatsRollup(t.db);
    const live = createHazardStatsRepository(t.db);
    for (const today of ['2026-06-04', '2026-06-05', '2026-06-06', '2026-06-10', TODAY, '2026-06-12', '2026-06-20', '2026-06-21', '2026-09-01']) {
      const scratch = await fromScratch(today);
      const at = new Date(`${today}T04:00:00Z`);
      for (const region of ['0', '13', '130123', '130123100']) {
        expect(await queries.counts(scope(region), {}, at), `${region} ${today}`).toMatchObject({ overdue: scratch.overdue, acceptanceOverdue: scratch.acceptanceOverdue });
      }
      const period = yearToDate(today);
      for (const region of [{ code: '13', childLength: 4 }, { code: '130123', childLength: 9 }, { code: '130123100', childLength: 12 }]) {
        const q = { scope: scope('13'), regionPrefix: subtreePrefix(region.code), childLength: region.childLength, current: period, lastYear: samePeriodLastYear(period), today };
        const { total } = await (rollup.answers(q) ? rollup : live).snapshot(q);
        expect(total, `${region.code} ${today}`).toMatchObject(scratch);
      }
    }
  });
});

describe('escalation and exposure', () => {
  it('escalates 逾期 as 逾期督办 (exposed), and 验收超期 to the accepting unit and the level above, never exposed', async () => {
    const r = await t.runJob('hazards.escalate_overdue');
    // It reads the four late hazards and nothing else: not those due today.
    expect(r).toBe('2 escalated, 0 need accountability, 2 acceptances late; 4 read in 1 batches');
    const timeline = async (name: string) => (await get(`/api/hazards/${ids[name]}`)).timeline.map((e: { action: string }) => e.action).slice(1);
    for (const name of OVERDUE) expect(await timeline(name), name).toEqual(['overdue_escalated']);
    for (const name of ACCEPTANCE_OVERDUE) expect(await timeline(name), name).toEqual(['acceptance_overdue_escalated']);
    for (const name of ['A_deadlineToday', 'C_submittedOnDeadline', 'F_acceptanceDueToday', 'H_closed']) expect(await timeline(name), name).toEqual([]);
    // The acceptor (the town, which assigned the hazards) and the county above it are told of the late acceptances.
    const notices = await t.db.selectFrom('notifications').select(['org_id', 'hazard_id', 'kind']).where('kind', 'in', ['overdue', 'acceptance_overdue']).execute();
    const told = (kind: string, org: string) => notices.filter((n) => n.kind === kind && n.org_id === org).map((n) => n.hazard_id).sort();
    expect(told('acceptance_overdue', w.org.town)).toEqual(ACCEPTANCE_OVERDUE.map((n) => ids[n]).sort());
    expect(told('acceptance_overdue', w.org.county)).toEqual(ACCEPTANCE_OVERDUE.map((n) => ids[n]).sort());
    expect(told('overdue', w.org.county)).toEqual(OVERDUE.map((n) => ids[n]).sort());
    expect(told('overdue', w.org.town)).toEqual([]);
    // A second run has nothing left to do.
    expect(await t.runJob('hazards.escalate_overdue')).toBe('');

    // Exposure is the enterprise's escalated lateness only — even where an older job had escalated a late acceptance.
    await sql`update hazards set escalated_at = now() where id = ${ids.D_acceptanceLate}`.execute(t.db);
    expect(await fromScratch(TODAY)).toMatchObject({ exposed: 2 });
    for (const folded of [false, true]) {
      if (folded) await t.runJob('hazards.fold_changes');
      for (const region of ['13', '130123', '130123100']) {
        expect((await get(`/api/stats/hazards?regionCode=${region}`, province)).totals.snapshot, region).toMatchObject({ exposed: 2, accountabilityRequired: 0 });
      }
    }
  });

  // Last: it moves the clock a month on, which ends every other session.
  it('requires accountability of the enterprise past the grace period, never for a late acceptance', async () => {
    t.clock.set('2026-07-11T04:00:00Z');
    // A (deadline 06-11) is 30 days overdue: escalated and accountable at once; B and E accountable;
    // the acceptances of C (due 06-20) and F (due 06-11) are now late too.
    expect(await t.runJob('hazards.escalate_overdue')).toBe('1 escalated, 3 need accountability, 2 acceptances late; 5 read in 1 batches');
    const flagged = await t.db.selectFrom('hazards').select('title').where('accountability_required', '=', true).orderBy('title').execute();
    expect(flagged.map((h) => h.title)).toEqual(['A_deadlineToday', ...OVERDUE]);
    for (const name of ['C_submittedOnDeadline', ...ACCEPTANCE_OVERDUE]) {
      const events = await t.db.selectFrom('hazard_events').select('action').where('hazard_id', '=', ids[name]!).where('seq', '>', 1).execute();
      expect(events.map((e) => e.action), name).toEqual(['acceptance_overdue_escalated']);
    }
    expect(await t.runJob('hazards.escalate_overdue')).toBe('');
    expect(shanghaiDate(t.clock.now())).toBe('2026-07-11');
  });
});
