import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '../time/shanghai.js';
import type { AccidentCategory } from './categories.js';
import { accidentClocks, type AccidentClockInput, type AccidentClocks, type LegalClock } from './clocks.js';
import { lastInstantOf } from './deadlines.js';
import { applySupplements, isWithinSupplementWindow } from './supplements.js';

/*
 * Both ends of every legal window: at its last instant an act is on time (a clock still
 * running or met), a millisecond later it is not (overdue or late), and the dueDate shown is
 * the Shanghai date of that last instant — the last day still on time.
 */
const t = (iso: string) => new Date(iso);
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);
// 10:00 on 1 April 2026 in Shanghai.
const occurredAt = t('2026-04-01T02:00:00Z');
const base: AccidentClockInput = { occurredAt, category: 'industrial_mining_trade', initialGrade: 'ordinary' };

interface Window {
  name: string;
  input: AccidentClockInput;
  clock: (c: AccidentClocks) => LegalClock | null | undefined;
  /** The act that stops the clock, done at `at`. */
  done: (input: AccidentClockInput, at: Date) => AccidentClockInput;
  lastInside: string;
  dueDate: string;
}

const county = t('2026-04-01T02:30:00Z');
const city = t('2026-04-01T04:00:00Z');
const province = t('2026-04-01T05:10:00Z');
const submittedOn = '2026-05-20';
const windows: Window[] = [
  { name: 'report to the county (1 hour)', input: base, clock: (c) => c.initialReport, done: (i, at) => ({ ...i, reportedAt: at }), lastInside: '2026-04-01T03:00:00.000Z', dueDate: '2026-04-01' },
  {
    name: 'report to the county across midnight', input: { ...base, occurredAt: t('2026-04-01T15:30:00Z') }, clock: (c) => c.initialReport,
    done: (i, at) => ({ ...i, reportedAt: at }), lastInside: '2026-04-01T16:30:00.000Z', dueDate: '2026-04-02',
  },
  {
    name: 'escalate to the city (2 hours)', input: { ...base, reportedAt: county }, clock: (c) => c.escalations[0],
    done: (i, at) => ({ ...i, escalatedAt: { city: at } }), lastInside: '2026-04-01T04:30:00.000Z', dueDate: '2026-04-01',
  },
  {
    name: 'escalate to the province (2 hours)', input: { ...base, initialGrade: 'major', reportedAt: county, escalatedAt: { city } }, clock: (c) => c.escalations[1],
    done: (i, at) => ({ ...i, escalatedAt: { ...i.escalatedAt, province: at } }), lastInside: '2026-04-01T06:00:00.000Z', dueDate: '2026-04-01',
  },
  {
    name: 'escalate to the State Council (2 hours)', input: { ...base, initialGrade: 'serious', reportedAt: county, escalatedAt: { city, province } }, clock: (c) => c.escalations[2],
    done: (i, at) => ({ ...i, escalatedAt: { ...i.escalatedAt, state_council: at } }), lastInside: '2026-04-01T07:10:00.000Z', dueDate: '2026-04-01',
  },
  {
    name: 'investigation report (60 days)', input: base, clock: (c) => c.investigationReport,
    done: (i, at) => ({ ...i, investigation: { reportSubmittedAt: at } }), lastInside: '2026-05-31T15:59:59.999Z', dueDate: '2026-05-31',
  },
  {
    name: 'investigation report, extended (120 days)', input: { ...base, investigation: { extended: true } }, clock: (c) => c.investigationReport,
    done: (i, at) => ({ ...i, investigation: { extended: true, reportSubmittedAt: at } }), lastInside: '2026-07-30T15:59:59.999Z', dueDate: '2026-07-30',
  },
  ...([
    ['decision (15 days)', 'ordinary', false, '2026-06-04'],
    ['decision on 特别重大 (30 days)', 'extraordinary', false, '2026-06-19'],
    ['decision on 特别重大, extended (60 days)', 'extraordinary', true, '2026-07-19'],
  ] as const).map(([name, grade, decisionExtended, dueDate]): Window => {
    const investigation = { reportSubmittedAt: lastInstantOf(submittedOn), decisionExtended };
    return {
      name, input: { ...base, initialGrade: grade, investigation }, clock: (c) => c.governmentDecision,
      done: (i, at) => ({ ...i, investigation: { ...investigation, decidedAt: at } }), lastInside: lastInstantOf(dueDate).toISOString(), dueDate,
    };
  }),
];

describe.each(windows)('$name', (w) => {
  const last = t(w.lastInside);
  const first = plus(last, 1);

  it(`is due ${w.lastInside}, shown as ${w.dueDate}`, () => {
    const clock = w.clock(accidentClocks(w.input, occurredAt))!;
    expect(clock.dueAt.toISOString()).toBe(w.lastInside);
    expect(clock.dueDate).toBe(w.dueDate);
    expect(shanghaiDate(clock.dueAt)).toBe(clock.dueDate);
  });

  it('runs at the last instant inside and is overdue at the first outside', () => {
    expect(w.clock(accidentClocks(w.input, last))).toMatchObject({ status: 'running', remainingMs: 0 });
    expect(w.clock(accidentClocks(w.input, first))).toMatchObject({ status: 'overdue', overdueMs: 1 });
  });

  it('is met when done at the last instant inside and late a millisecond later', () => {
    const later = plus(last, 86_400_000);
    expect(w.clock(accidentClocks(w.done(w.input, last), later))).toMatchObject({ status: 'met', remainingMs: 0 });
    expect(w.clock(accidentClocks(w.done(w.input, first), later))).toMatchObject({ status: 'late', overdueMs: 1 });
  });
});

describe.each([
  ['industrial_mining_trade', '2026-05-01'],
  ['railway', '2026-05-01'],
  ['road_traffic', '2026-04-08'],
  ['fire', '2026-04-08'],
] as const)('the supplement window of %s ends with %s', (category: AccidentCategory, lastDay) => {
  const last = lastInstantOf(lastDay);
  const first = plus(last, 1);
  const input = { ...base, category };
  const initial = { deaths: 2, missing: 0, seriousInjuries: 0, minorInjuries: 0, directLossYuan: 0 };
  const third = (changedAt: Date) => ({ changedAt, reportedAt: changedAt, named: { deaths: 3 } });

  it('shows its last day and stays open through it', () => {
    expect(accidentClocks(input, occurredAt).supplementWindow).toMatchObject({ dueDate: lastDay, unit: 'days' });
    expect(accidentClocks(input, last).supplementWindow).toMatchObject({ status: 'running', remainingMs: 0 });
    expect(accidentClocks(input, first).supplementWindow).toMatchObject({ status: 'met' });
  });

  it('counts a change at the last instant of the last day and not one at 00:00 the day after', () => {
    expect(isWithinSupplementWindow(occurredAt, category, last)).toBe(true);
    expect(isWithinSupplementWindow(occurredAt, category, first)).toBe(false);
    const inside = applySupplements(initial, occurredAt, category, [third(last)]);
    expect([inside.history[0]!.counted, inside.grade.grade]).toEqual([true, 'major']);
    const outside = applySupplements(initial, occurredAt, category, [third(first)]);
    expect([outside.history[0]!.counted, outside.grade.grade]).toEqual([false, 'ordinary']);
    // The clocks agree: the third death raises the escalation target only when it counts.
    const clocks = (at: Date) => accidentClocks({ ...input, supplements: [{ changedAt: at, reportedAt: at, grade: 'major' }] }, plus(first, 3_600_000));
    expect(clocks(last).escalationTarget).toBe('province');
    expect(clocks(first).escalationTarget).toBe('city');
  });

  it('is late when a change inside it is reported after its last instant', () => {
    const change = (reportedAt: Date) => accidentClocks({ ...input, supplements: [{ changedAt: last, reportedAt, grade: 'ordinary' }] }, plus(first, 86_400_000));
    expect(change(last).flags.lateSupplement).toBe(false);
    expect(change(last).supplementWindow.status).toBe('met');
    expect(change(first).flags.lateSupplement).toBe(true);
    expect(change(first).supplementWindow.status).toBe('late');
  });
});
