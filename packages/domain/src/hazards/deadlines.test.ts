import { describe, expect, it } from 'vitest';
import { daysOverdue, isDueSoon, isOverdue, needsAccountability } from './deadlines.js';
import { HAZARD_STATUSES, type HazardStatus } from './vocabulary.js';

const at = (iso: string) => new Date(iso);

describe('isOverdue', () => {
  // Deadline 2026-04-15: in time until 24:00 Shanghai that day = 2026-04-15T16:00:00Z.
  it.each([
    ['2026-04-15T15:59:59.999Z', false],
    ['2026-04-15T16:00:00.000Z', true],
    ['2026-04-14T16:00:00.000Z', false],
    ['2026-04-15T00:00:00.000Z', false],
    ['2026-04-20T00:00:00.000Z', true],
  ])('at %s overdue: %s', (now, expected) => {
    expect(isOverdue('2026-04-15', 'rectifying', at(now))).toBe(expected);
  });

  it.each([
    ['reported', true],
    ['verified', true],
    ['rectifying', true],
    ['pending_acceptance', true],
    ['closed', false],
    ['rejected', false],
  ] as const)('status %s past the deadline counts as overdue: %s', (status, expected) => {
    expect(isOverdue('2026-04-15', status, at('2026-05-01T00:00:00Z'))).toBe(expected);
  });

  it('needs a deadline', () => {
    for (const status of HAZARD_STATUSES) expect(isOverdue(null, status, at('2030-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('daysOverdue', () => {
  it.each([
    ['2026-04-15T15:59:59Z', 0],
    ['2026-04-15T16:00:00Z', 1],
    ['2026-04-16T15:59:59Z', 1],
    ['2026-04-16T16:00:00Z', 2],
    ['2026-05-15T16:00:00Z', 31],
  ])('at %s: %i days', (now, days) => {
    expect(daysOverdue('2026-04-15', 'rectifying', at(now))).toBe(days);
  });

  it('is 0 once settled or without deadline', () => {
    expect(daysOverdue('2026-04-15', 'closed', at('2026-05-15T16:00:00Z'))).toBe(0);
    expect(daysOverdue(null, 'rectifying', at('2026-05-15T16:00:00Z'))).toBe(0);
  });
});

describe('isDueSoon', () => {
  const now = at('2026-04-12T02:00:00Z'); // 2026-04-12 in Shanghai
  it.each([
    ['2026-04-11', false],
    ['2026-04-12', true],
    ['2026-04-15', true],
    ['2026-04-16', false],
  ])('deadline %s due within 3 days: %s', (deadline, expected) => {
    expect(isDueSoon(deadline, now)).toBe(expected);
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
  const base = { deadline: '2026-04-15', status: 'rectifying' as HazardStatus };

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
});
