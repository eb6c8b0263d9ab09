import type { Bilingual } from '../errors/error-codes.js';
import { guardResult, type GuardProblem, type GuardResult } from '../hazards/guard-result.js';
import type { AccidentGrade } from './grading.js';

/** 四不放过: none of the four may be left open when an investigation is closed. */
export const FOUR_NOT_LET_GO = ['cause_identified', 'responsible_dealt_with', 'people_educated', 'measures_taken'] as const;
export type FourNotLetGoKey = (typeof FOUR_NOT_LET_GO)[number];

export const FOUR_NOT_LET_GO_LABELS = {
  cause_identified: { zh: '事故原因未查清不放过', en: 'Cause found' },
  responsible_dealt_with: { zh: '事故责任者未受到处理不放过', en: 'Those responsible dealt with' },
  people_educated: { zh: '事故责任者和周围群众没有受到教育不放过', en: 'Those responsible and others educated' },
  measures_taken: { zh: '没有采取防范措施不放过', en: 'Preventive measures taken' },
} as const satisfies Record<FourNotLetGoKey, Bilingual>;

export type FourNotLetGoChecklist = Partial<Record<FourNotLetGoKey, boolean>>;

export interface CloseInvestigationOptions {
  /**
   * 责任事故 (the default). An investigation may find no one at fault (非责任事故, e.g. a
   * natural disaster); then no accountability record is needed, but the checklist still is.
   */
  liability?: boolean;
}

export function canCloseInvestigation(checklist: FourNotLetGoChecklist, accountabilityCount: number, options: CloseInvestigationOptions = {}): GuardResult {
  const problems: GuardProblem[] = FOUR_NOT_LET_GO.filter((key) => checklist[key] !== true).map((key) => ({
    field: `checklist.${key}`,
    reason: 'open',
    message: { zh: `四不放过：${FOUR_NOT_LET_GO_LABELS[key].zh}`, en: `Four-not-let-go: ${FOUR_NOT_LET_GO_LABELS[key].en.toLowerCase()} is not confirmed` },
  }));
  if ((options.liability ?? true) && !(accountabilityCount >= 1)) {
    problems.push({ field: 'accountability', reason: 'required', message: { zh: '责任事故结案须有追责问责记录', en: 'Closing a liability accident needs accountability records' } });
  }
  return guardResult(problems);
}

export interface VetoResult {
  veto: boolean;
  reason: Bilingual | null;
  /** 重大 and 特别重大 accidents counted. */
  seriousOrAbove: number;
  /** 较大 accidents counted. */
  major: number;
}

/**
 * 一票否决 (seed 001): one 重大 (or 特别重大) accident, or two 较大 ones, with responsibility in
 * the year fails the unit's annual assessment outright. The caller passes only the year's
 * accidents for which the unit bears responsibility.
 */
export function vetoFlag(accidentsWithResponsibilityInYear: readonly { grade: AccidentGrade }[]): VetoResult {
  const seriousOrAbove = accidentsWithResponsibilityInYear.filter((a) => a.grade === 'serious' || a.grade === 'extraordinary').length;
  const major = accidentsWithResponsibilityInYear.filter((a) => a.grade === 'major').length;
  if (seriousOrAbove >= 1) {
    return { veto: true, seriousOrAbove, major, reason: { zh: `发生重大及以上责任事故${seriousOrAbove}起`, en: `${seriousOrAbove} serious or worse accident(s) with responsibility` } };
  }
  if (major >= 2) {
    return { veto: true, seriousOrAbove, major, reason: { zh: `发生较大责任事故${major}起`, en: `${major} major accidents with responsibility` } };
  }
  return { veto: false, seriousOrAbove, major, reason: null };
}
