import {
  ACCIDENT_CATEGORIES,
  ACCIDENT_CATEGORY_DEFINITIONS,
  ACCIDENT_CRITERION_LABELS,
  ACCIDENT_GRADE_LABELS,
  ACCIDENT_GRADES,
  type AccidentCategory,
  type AccidentCriterion,
  type AccidentGrade,
} from '@anjian/domain';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { formatDateTime, shanghaiWallClockToIso } from '../../shared/ui/format';
import type { ClockData } from './accidents.api';

/** Colours by grade, rising with severity as the decree's grades do. */
export const GRADE_COLORS: Record<AccidentGrade, string> = { ordinary: 'blue', major: 'gold', serious: 'volcano', extraordinary: 'red' };

export const CLOCK_COLORS: Record<ClockData['status'], string> = { running: 'processing', met: 'success', late: 'warning', overdue: 'error' };

type Pick = (text: { zh: string; en: string }) => string;

export const gradeOptions = (pick: Pick) => ACCIDENT_GRADES.map((g) => ({ value: g, label: pick(ACCIDENT_GRADE_LABELS[g]) }));
export const categoryOptions = (pick: Pick) => ACCIDENT_CATEGORIES.map((c) => ({ value: c, label: pick(ACCIDENT_CATEGORY_DEFINITIONS[c].label) }));
export const categoryLabel = (pick: Pick, c: AccidentCategory) => pick(ACCIDENT_CATEGORY_DEFINITIONS[c].label);
export const criterionLabel = (pick: Pick, c: AccidentCriterion) => pick(ACCIDENT_CRITERION_LABELS[c]);

/** 3天4小时 / 3 d 4 h: days and hours, or hours and minutes under a day. */
export function formatDuration(ms: number, t: TFunction): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return t('accidents.duration.daysHours', { days: String(days), hours: String(hours) });
  if (hours > 0) return t('accidents.duration.hoursMinutes', { hours: String(hours), minutes: String(mins) });
  return t('accidents.duration.minutes', { minutes: String(mins) });
}

/**
 * A deadline as the law says it, in Beijing time: a limit in days runs to 24:00 of its last
 * day (the server's dueDate, the last day still on time), one in hours to the minute.
 */
export function formatDeadline(clock: { unit: ClockData['unit']; dueAt: string; dueDate: string }): string {
  return clock.unit === 'days' ? `${clock.dueDate} 24:00` : formatDateTime(clock.dueAt).slice(0, 16);
}

export function formatYuan(yuan: number, language: string): string {
  return yuan.toLocaleString(language);
}

/** The pickers show a wall-clock time; it is read as Beijing time, as the forms say. */
export const toInstant = (d: Dayjs) => shanghaiWallClockToIso(d.format('YYYY-MM-DDTHH:mm:ss'));

/** Now on a Beijing wall clock, whatever the browser's zone, to prefill and bound the pickers. */
export const shanghaiNow = () => dayjs(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 19));
export const notFuture = (d: Dayjs) => d.isAfter(shanghaiNow(), 'minute');
