import { addDays, endOfShanghaiDay, HOUR_MS, shanghaiDate, type BusinessDate } from '../time/shanghai.js';

/*
 * The one definition of a legal time limit, for every clock of Decree 493 and every window
 * (the 1-hour report, the 2-hour escalations, the 30/7-day supplement window, the 60-day
 * investigation, the 15/30-day decision). A limit is its last instant still on time: an act
 * at `dueAt` is on time, one a millisecond later is not. `dueDate` is the Shanghai date of
 * that instant — the last day still on time — so no caller ever derives a date from an
 * instant by hand (an exclusive end, 00:00 of the next day, named the first day too late).
 */

export type DeadlineUnit = 'hours' | 'days';

export interface Deadline {
  /** 'days': the limit runs to 24:00 of `dueDate`; 'hours': to the exact instant. */
  unit: DeadlineUnit;
  /** The last instant still on time (inclusive). */
  dueAt: Date;
  /** The last Shanghai business date still on time: shanghaiDate(dueAt). */
  dueDate: BusinessDate;
}

/**
 * The last instant of a Shanghai business date (23:59:59.999). An act recorded by its date
 * only ("报告于5月20日提交") is taken at this instant: on the last legal day it is on time, a
 * day later it is late.
 */
export function lastInstantOf(date: BusinessDate): Date {
  return new Date(endOfShanghaiDay(date).getTime() - 1);
}

/** "…小时内": exactly `hours` hours after `from`, that instant included. */
export function hoursDeadline(from: Date, hours: number): Deadline {
  const dueAt = new Date(from.getTime() + hours * HOUR_MS);
  return { unit: 'hours', dueAt, dueDate: shanghaiDate(dueAt) };
}

/**
 * "自…之日起N日内", counted as the Civil Code does (art. 201): the starting day is not counted
 * and the last day runs to 24:00, Shanghai time. An event at 10:00 on 1 April with 30 days is
 * on time until the end of 1 May. Statutory holidays do not extend it (art. 203 would): the
 * platform keeps no holiday calendar, and the clocks it drives — casualty counts,
 * investigation reports — do not wait for offices to reopen.
 */
export function daysDeadline(from: Date, days: number): Deadline {
  const dueDate = addDays(shanghaiDate(from), days);
  return { unit: 'days', dueAt: lastInstantOf(dueDate), dueDate };
}

/** Whether an act at `at` meets the deadline. The only comparison any clock or window uses. */
export function isOnTime(deadline: Deadline, at: Date): boolean {
  return at.getTime() <= deadline.dueAt.getTime();
}

