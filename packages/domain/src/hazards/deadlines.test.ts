import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '../time/shanghai.js';
import { HAZARD_CLOCK_CASES } from './deadlines.cases.js';
import {
  daysAcceptanceOverdue,
  daysOverdue,
  hazardClock,
  isAcceptanceOverdue,
  isDueSoon,
  isOverdue,
  isPast,
  lateness,
  needsAccountability,
  type ClockFacts,
} from './deadlines.js';
import { HAZARD_STATUSES, type HazardStatus } from './vocabulary.js';

const at = (iso: string) => new Date(iso);
/** Noon in Shanghai on a business date. */
const noon = (date: string) => new Date(`${date}T04:00:00Z`);
const facts = (c: (typeof HAZARD_CLOCK_CASES)[number]): ClockFacts => ({ status: c.status, deadline: c.deadline, submittedOn: c.submittedAt === null ? null : shanghaiDate(new Date(c.submittedAt)) });

describe('the table of cases (the same rows test the SQL functions)', () => {
  it.each(HAZARD_CLOCK_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(lateness(facts(c), noon(c.today))).toEqual(c.late);
    expect(isOverdue(facts(c), noon(c.today))).toBe(c.late?.kind === 'overdue');
    expect(isAcceptanceOverdue(facts(c), noon(c.today))).toBe(c.late?.kind === 'acceptance_overdue');
    expect(daysOverdue(facts(c), noon(c.today)) + daysAcceptanceOverdue(facts(c), noon(c.today))).toBe(c.late?.days ?? 0);
  });

  it('covers both kinds, in time and late, on either side of each boundary', () => {
    const kinds = new Set(HAZARD_CLOCK_CASES.map((c) => c.late?.kind ?? 'none'));
    expect([...kinds].sort()).toEqual(['acceptance_overdue', 'none', 'overdue']);
    expect(HAZARD_CLOCK_CASES.some((c) => c.today === c.deadline && c.late === null)).toBe(true);
    expect(HAZARD_CLOCK_CASES.some((c) => c.late?.days === 1 && c.late.kind === 'overdue')).toBe(true);
    expect(HAZARD_CLOCK_CASES.some((c) => c.late?.days === 1 && c.late.kind === 'acceptance_overdue')).toBe(true);
  });
});

describe('isPast', () => {
  it('the last day is in time; the day after it is not', () => {
    expect(isPast('2026-04-15', '2026-04-15')).toBe(false);
    expect(isPast('2026-04-15', '2026-04-16')).toBe(true);
    expect(isPast('2026-04-15', '2026-04-14')).toBe(false);
  });
});

describe('isOverdue turns at Shanghai midnight', () => {
  const rectifying = (deadline: string | null = '2026-04-15'): ClockFacts => ({ status: 'rectifying', deadline, submittedOn: null });
  // Deadline 2026-04-15: in time until 24:00 Shanghai that day = 2026-04-15T16:00:00Z.
  it.each([
    ['2026-04-15T15:59:59.999Z', false],
    ['2026-04-15T16:00:00.000Z', true],
    ['2026-04-14T16:00:00.000Z', false],
    ['2026-04-15T00:00:00.000Z', false],
    ['2026-04-20T00:00:00.000Z', true],
  ])('at %s overdue: %s', (now, expected) => {
    expect(isOverdue(rectifying(), at(now))).toBe(expected);
  });

  it.each([
    ['reported', false],
    ['verified', true],
    ['rectifying', true],
    ['pending_acceptance', true],
    ['closed', false],
    ['rejected', false],
  ] as const)('status %s past the deadline, no submission on record, overdue: %s', (status, expected) => {
    expect(isOverdue({ status, deadline: '2026-04-15', submittedOn: null }, at('2026-05-01T00:00:00Z'))).toBe(expected);
  });

  it('needs a deadline', () => {
    for (const status of HAZARD_STATUSES) expect(isOverdue({ status, deadline: null, submittedOn: null }, at('2030-01-01T00:00:00Z'))).toBe(false);
  });

  it.each([
    ['2026-04-15T15:59:59Z', 0],
    ['2026-04-15T16:00:00Z', 1],
    ['2026-04-16T15:59:59Z', 1],
    ['2026-04-16T16:00:00Z', 2],
    ['2026-05-15T16:00:00Z', 31],
  ])('daysOverdue at %s: %i', (now, days) => {
    expect(daysOverdue(rectifying(), at(now))).toBe(days);
  });
});

describe('hazardClock', () => {
  it('gives the acceptor the later of the deadline and 10 days from the submission', () => {
    expect(hazardClock({ status: 'pending_acceptance', deadline: '2026-06-10', submittedOn: '2026-06-10' })).toEqual({ kind: 'acceptance_overdue', lastDay: '2026-06-20' });
    expect(hazardClock({ status: 'pending_acceptance', deadline: '2026-06-10', submittedOn: '2026-05-31' })).toEqual({ kind: 'acceptance_overdue', lastDay: '2026-06-10' });
    expect(hazardClock({ status: 'pending_acceptance', deadline: '2026-06-10', submittedOn: '2026-06-01' })).toEqual({ kind: 'acceptance_overdue', lastDay: '2026-06-11' });
    expect(hazardClock({ status: 'pending_acceptance', deadline: '2026-06-10', submittedOn: '2026-06-11' })).toEqual({ kind: 'overdue', lastDay: '2026-06-10' });
  });
});

describe('isDueSoon', () => {
  const now = at('2026-04-12T02:00:00Z'); // 2026-04-12 in Shanghai
  it.each([
    ['2026-04-11', false],
    ['2026-04-12', true],
    ['2026-04-15', true],
    ['2026-04-16', false],
  ])('last day %s due within 3 days: %s', (lastDay, expected) => {
    expect(isDueSoon(lastDay, now)).toBe(expected);
  });

  it('takes the window as a parameter and turns at Shanghai midnight', () => {
    expect(isDueSoon('2026-04-13', now, 0)).toBe(false);
    expect(isDueSoon('2026-04-12', now, 0)).toBe(true);
    expect(isDueSoon('2026-04-19', now, 7)).toBe(true);
    // 2026-04-08T16:00Z is already 04-09 in Shanghai: 04-12 is exactly three days ahead.
    expect(isDueSoon('2026-04-12', at('2026-04-08T16:00:00Z'))).toBe(true);
    expect(isDueSoon('2026-04-12', at('2026-04-08T15:59:59Z'))).toBe(false);
  });
});

describe('needsAccountability', () => {
  const base = { deadline: '2026-04-15', status: 'rectifying' as HazardStatus, submittedOn: null };

  it('waits out the grace period: 7 days over is tolerated, the 8th is not', () => {
    // 7 days overdue from 2026-04-22 (Shanghai), 8 from 2026-04-23.
    expect(needsAccountability({ ...base, now: at('2026-04-22T15:59:59Z') })).toBe(false);
    expect(needsAccountability({ ...base, now: at('2026-04-22T16:00:00Z') })).toBe(true);
  });

  it('takes the grace period as a parameter', () => {
    expect(needsAccountability({ ...base, graceDays: 0, now: at('2026-04-15T16:00:00Z') })).toBe(true);
    expect(needsAccountability({ ...base, graceDays: 0, now: at('2026-04-15T15:59:59Z') })).toBe(false);
    expect(needsAccountability({ ...base, graceDays: 30, now: at('2026-05-01T00:00:00Z') })).toBe(false);
    expect(() => needsAccountability({ ...base, graceDays: -1, now: at('2026-05-01T00:00:00Z') })).toThrow(RangeError);
  });

  it('is always due after a failed re-review, never for a settled hazard otherwise', () => {
    expect(needsAccountability({ ...base, failedReview: true, now: at('2026-04-01T00:00:00Z') })).toBe(true);
    expect(needsAccountability({ ...base, status: 'closed', now: at('2027-01-01T00:00:00Z') })).toBe(false);
  });

  it('never blames the rectifying unit for a late acceptance', () => {
    const waiting = { deadline: '2026-04-15', status: 'pending_acceptance' as HazardStatus, submittedOn: '2026-04-15' };
    expect(needsAccountability({ ...waiting, now: at('2027-01-01T00:00:00Z') })).toBe(false);
    expect(needsAccountability({ ...waiting, submittedOn: '2026-04-16', now: at('2026-04-30T00:00:00Z') })).toBe(true);
  });
});
