import { describe, expect, it } from 'vitest';
import { accidentClocks, legalClock, type AccidentClockInput } from './clocks.js';
import { hoursDeadline } from './deadlines.js';
import { isWithinSupplementWindow, supplementWindow } from './supplements.js';

const t = (iso: string) => new Date(iso);
const MIN = 60_000;
const HOUR = 60 * MIN;
// 10:00 on 1 April 2026 in Shanghai.
const occurredAt = t('2026-04-01T02:00:00Z');
const base: AccidentClockInput = { occurredAt, category: 'industrial_mining_trade', initialGrade: 'ordinary' };
const iso = (d: Date | null | undefined) => d?.toISOString();

describe('legalClock', () => {
  const due = hoursDeadline(t('2026-04-01T02:00:00Z'), 1);
  it.each([
    [null, '2026-04-01T02:30:00Z', 'running', 30 * MIN, null],
    [null, '2026-04-01T03:00:00Z', 'running', 0, null],
    [null, '2026-04-01T03:00:00.001Z', 'overdue', null, 1],
    ['2026-04-01T02:59:00Z', '2026-04-09T00:00:00Z', 'met', MIN, null],
    ['2026-04-01T03:00:00Z', '2026-04-09T00:00:00Z', 'met', 0, null],
    ['2026-04-01T03:00:01Z', '2026-04-09T00:00:00Z', 'late', null, 1000],
  ] as const)('done %s, now %s → %s', (done, now, status, remainingMs, overdueMs) => {
    expect(legalClock('k', { zh: '', en: '' }, due, done ? t(done) : null, t(now))).toMatchObject({ status, remainingMs, overdueMs });
  });
});

describe('initial report (1 hour) and 迟报', () => {
  it('runs for an hour from the occurrence', () => {
    const c = accidentClocks(base, t('2026-04-01T02:20:00Z'));
    expect(iso(c.initialReport.dueAt)).toBe('2026-04-01T03:00:00.000Z');
    expect(c.initialReport).toMatchObject({ status: 'running', remainingMs: 40 * MIN });
    expect(c.flags.lateReport).toBe(false);
  });

  it('flags 迟报 once the hour passes unreported, or when reported late', () => {
    expect(accidentClocks(base, t('2026-04-01T03:00:01Z')).flags.lateReport).toBe(true);
    const late = accidentClocks({ ...base, reportedAt: t('2026-04-01T03:05:00Z') }, t('2026-04-02T00:00:00Z'));
    expect(late.initialReport).toMatchObject({ status: 'late', overdueMs: 5 * MIN });
    expect(late.flags.lateReport).toBe(true);
    const onTime = accidentClocks({ ...base, reportedAt: t('2026-04-01T03:00:00Z') }, t('2026-04-02T00:00:00Z'));
    expect(onTime.flags.lateReport).toBe(false);
  });
});

describe('escalation (2 hours per level)', () => {
  it('一般 goes to the city, 2 hours after the county received it', () => {
    const c = accidentClocks({ ...base, reportedAt: t('2026-04-01T02:40:00Z') }, t('2026-04-01T04:00:00Z'));
    expect(c.escalationTarget).toBe('city');
    expect(c.escalations.map((e) => [e.key, iso(e.dueAt), e.status])).toEqual([['escalate_city', '2026-04-01T04:40:00.000Z', 'running']]);
  });

  it('anchors on the deadline below while the level below has nothing', () => {
    const c = accidentClocks({ ...base, initialGrade: 'major' }, t('2026-04-01T02:10:00Z'));
    expect(c.escalations.map((e) => iso(e.dueAt))).toEqual(['2026-04-01T05:00:00.000Z', '2026-04-01T07:00:00.000Z']);
  });

  it('较大 climbs to the province, each level from the actual receipt below', () => {
    const c = accidentClocks(
      { ...base, initialGrade: 'major', reportedAt: t('2026-04-01T02:30:00Z'), escalatedAt: { city: t('2026-04-01T03:30:00Z'), province: t('2026-04-01T05:45:00Z') } },
      t('2026-04-01T08:00:00Z'),
    );
    expect(c.escalationTarget).toBe('province');
    expect(c.escalations.map((e) => [e.key, iso(e.dueAt), e.status, e.overdueMs])).toEqual([
      ['escalate_city', '2026-04-01T04:30:00.000Z', 'met', null],
      ['escalate_province', '2026-04-01T05:30:00.000Z', 'late', 15 * MIN],
    ]);
    expect(c.flags.lateEscalation).toBe(true);
  });

  it.each(['serious', 'extraordinary'] as const)('%s climbs to the State Council', (initialGrade) => {
    const c = accidentClocks({ ...base, initialGrade, reportedAt: t('2026-04-01T02:30:00Z') }, t('2026-04-01T03:00:00Z'));
    expect(c.escalationTarget).toBe('state_council');
    expect(c.escalations.map((e) => iso(e.dueAt))).toEqual(['2026-04-01T04:30:00.000Z', '2026-04-01T06:30:00.000Z', '2026-04-01T08:30:00.000Z']);
  });
});

describe('supplements (补报)', () => {
  it('closes the window at 24:00 Shanghai of its last day, 30 days on, or 7 for road traffic and fire', () => {
    const window = (at: Date, category: Parameters<typeof supplementWindow>[1]) => {
      const w = supplementWindow(at, category);
      return [iso(w.dueAt), w.dueDate];
    };
    expect(window(occurredAt, 'industrial_mining_trade')).toEqual(['2026-05-01T15:59:59.999Z', '2026-05-01']);
    expect(window(occurredAt, 'road_traffic')).toEqual(['2026-04-08T15:59:59.999Z', '2026-04-08']);
    expect(window(occurredAt, 'fire')).toEqual(['2026-04-08T15:59:59.999Z', '2026-04-08']);
    // 23:59 Shanghai on 31 March is still 31 March: the window ends a day earlier.
    expect(window(t('2026-03-31T15:59:00Z'), 'fire')).toEqual(['2026-04-07T15:59:59.999Z', '2026-04-07']);
    expect(isWithinSupplementWindow(occurredAt, 'road_traffic', t('2026-04-08T15:59:59.999Z'))).toBe(true);
    expect(isWithinSupplementWindow(occurredAt, 'road_traffic', t('2026-04-08T16:00:00Z'))).toBe(false);
  });

  it('a supplement that raises the grade starts the new level’s clock from its report', () => {
    // 一般 at first: county 02:40, city 04:00. A third death on 3 April, reported at 01:00Z.
    const input: AccidentClockInput = {
      ...base,
      reportedAt: t('2026-04-01T02:40:00Z'),
      escalatedAt: { city: t('2026-04-01T04:00:00Z') },
      supplements: [{ changedAt: t('2026-04-03T00:00:00Z'), reportedAt: t('2026-04-03T01:00:00Z'), grade: 'major' }],
    };
    const before = accidentClocks({ ...input, supplements: [] }, t('2026-04-03T02:00:00Z'));
    expect(before.escalations.map((e) => e.key)).toEqual(['escalate_city']);
    const after = accidentClocks(input, t('2026-04-03T02:00:00Z'));
    expect(after.grade).toBe('major');
    expect(after.escalationTarget).toBe('province');
    // Through the city (2 h) to the province (2 h): 4 hours after the county had it.
    expect(after.escalations.map((e) => [e.key, iso(e.dueAt), e.status])).toEqual([
      ['escalate_city', '2026-04-01T04:40:00.000Z', 'met'],
      ['escalate_province', '2026-04-03T05:00:00.000Z', 'running'],
    ]);
  });

  it('a supplement after the window changes nothing', () => {
    const c = accidentClocks({ ...base, supplements: [{ changedAt: t('2026-05-01T16:00:00Z'), reportedAt: t('2026-05-01T17:00:00Z'), grade: 'serious' }] }, t('2026-05-02T00:00:00Z'));
    expect(c.grade).toBe('ordinary');
    expect(c.escalations).toHaveLength(1);
  });

  it('shows the window open, then closed, and late when a change inside it was reported after', () => {
    expect(accidentClocks(base, t('2026-05-01T15:59:59Z')).supplementWindow).toMatchObject({ status: 'running', remainingMs: 999, dueDate: '2026-05-01' });
    expect(accidentClocks(base, t('2026-05-01T15:59:59.999Z')).supplementWindow).toMatchObject({ status: 'running', remainingMs: 0 });
    expect(accidentClocks(base, t('2026-05-01T16:00:00Z')).supplementWindow).toMatchObject({ status: 'met', overdueMs: null });
    const lateOne = { changedAt: t('2026-04-30T00:00:00Z'), reportedAt: t('2026-05-03T00:00:00Z'), grade: 'ordinary' as const };
    const c = accidentClocks({ ...base, supplements: [lateOne] }, t('2026-05-04T00:00:00Z'));
    expect(c.supplementWindow.status).toBe('late');
    expect(c.flags.lateSupplement).toBe(true);
  });
});

describe('investigation and decision', () => {
  it('is due 60 days after the day of occurrence, 120 with an extension', () => {
    const c = accidentClocks(base, t('2026-05-31T15:59:59.999Z'));
    expect(iso(c.investigationReport.dueAt)).toBe('2026-05-31T15:59:59.999Z');
    // 1 April + 60 days: 31 May is the last day still on time.
    expect(c.investigationReport.dueDate).toBe('2026-05-31');
    expect(c.investigationReport.status).toBe('running');
    expect(accidentClocks(base, t('2026-05-31T16:00:00Z')).investigationReport.status).toBe('overdue');
    const extended = accidentClocks({ ...base, investigation: { extended: true } }, t('2026-06-15T00:00:00Z'));
    expect(iso(extended.investigationReport.dueAt)).toBe('2026-07-30T15:59:59.999Z');
    expect(extended.investigationReport.status).toBe('running');
  });

  it('counts days from the Shanghai date of occurrence', () => {
    const lateEvening = accidentClocks({ ...base, occurredAt: t('2026-03-31T15:59:00Z') }, t('2026-04-01T00:00:00Z'));
    expect(lateEvening.investigationReport.dueDate).toBe('2026-05-30');
    const afterMidnight = accidentClocks({ ...base, occurredAt: t('2026-03-31T16:00:00Z') }, t('2026-04-01T00:00:00Z'));
    expect(afterMidnight.investigationReport.dueDate).toBe('2026-05-31');
  });

  it('starts the decision clock when the report is submitted: 15 days, 30 for 特别重大', () => {
    expect(accidentClocks(base, t('2026-05-01T00:00:00Z')).governmentDecision).toBeNull();
    const submitted = { reportSubmittedAt: t('2026-05-20T03:00:00Z') };
    const ordinary = accidentClocks({ ...base, investigation: submitted }, t('2026-06-01T00:00:00Z'));
    expect(ordinary.investigationReport.status).toBe('met');
    expect(ordinary.governmentDecision).toMatchObject({ dueDate: '2026-06-04', dueAt: t('2026-06-04T15:59:59.999Z') });
    expect(ordinary.governmentDecision?.status).toBe('running');
    const serious = accidentClocks({ ...base, initialGrade: 'serious', investigation: submitted }, t('2026-06-01T00:00:00Z'));
    expect(serious.governmentDecision?.dueDate).toBe('2026-06-04');
    const extraordinary = accidentClocks({ ...base, initialGrade: 'extraordinary', investigation: submitted }, t('2026-06-01T00:00:00Z'));
    expect(extraordinary.governmentDecision?.dueDate).toBe('2026-06-19');
    const extendedDecision = accidentClocks({ ...base, initialGrade: 'extraordinary', investigation: { ...submitted, decisionExtended: true } }, t('2026-06-01T00:00:00Z'));
    expect(extendedDecision.governmentDecision?.dueDate).toBe('2026-07-19');
    // The decision extension exists for 特别重大 only.
    const notExtendable = accidentClocks({ ...base, investigation: { ...submitted, decisionExtended: true } }, t('2026-06-01T00:00:00Z'));
    expect(notExtendable.governmentDecision?.dueDate).toBe('2026-06-04');
  });

  it('reports a late decision and a late investigation report', () => {
    const c = accidentClocks(
      { ...base, investigation: { reportSubmittedAt: t('2026-06-01T00:00:00Z'), decidedAt: t('2026-06-20T00:00:00Z') } },
      t('2026-07-01T00:00:00Z'),
    );
    expect(c.investigationReport).toMatchObject({ status: 'late', overdueMs: 8 * HOUR + 1 });
    expect(c.governmentDecision?.dueDate).toBe('2026-06-16');
    expect(c.governmentDecision).toMatchObject({ status: 'late', overdueMs: 3 * 24 * HOUR + 8 * HOUR + 1 });
  });
});
