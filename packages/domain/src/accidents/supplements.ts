import { legalPeriodEnd } from '../time/shanghai.js';
import { ACCIDENT_CATEGORY_DEFINITIONS, type AccidentCategory } from './categories.js';
import { gradeAccident, type AccidentFigures, type GradeResult } from './grading.js';

/*
 * "自事故发生之日起30日内（道路交通、火灾7日内）": day counting follows legalPeriodEnd, so an
 * accident at 10:00 on 1 April keeps its window open until 24:00 on 1 May (Shanghai).
 */
export function supplementWindowClosesAt(occurredAt: Date, category: AccidentCategory): Date {
  return legalPeriodEnd(occurredAt, ACCIDENT_CATEGORY_DEFINITIONS[category].supplementDays);
}

/** Whether a casualty change at `changedAt` still belongs to the accident's figures. */
export function isWithinSupplementWindow(occurredAt: Date, category: AccidentCategory, changedAt: Date): boolean {
  return changedAt.getTime() < supplementWindowClosesAt(occurredAt, category).getTime();
}

export interface CasualtySupplement {
  /** When the change happened (an injured person died, a missing person was found). */
  changedAt: Date;
  /** When it was reported (补报). */
  reportedAt: Date;
  /** The complete figures after the change — snapshots, not deltas, so no sum can drift. */
  figures: AccidentFigures;
}

export interface SupplementEntry extends CasualtySupplement {
  /** False when the change came after the window: it is kept in the history but not counted. */
  counted: boolean;
  grade: GradeResult;
}

export interface SupplementedAccident {
  figures: AccidentFigures;
  grade: GradeResult;
  /** Every supplement in the order of change, each with the grade it led to. */
  history: SupplementEntry[];
}

/**
 * The accident's figures after its supplements: the latest change inside the window wins.
 * Changes after the window are kept for the record and ignored — statistics count the
 * casualties known when the window closed, so the grade can no longer move after that.
 */
export function applySupplements(
  initial: AccidentFigures,
  occurredAt: Date,
  category: AccidentCategory,
  supplements: readonly CasualtySupplement[],
): SupplementedAccident {
  const ordered = supplements
    .map((s, index) => ({ s, index }))
    .sort((a, b) => a.s.changedAt.getTime() - b.s.changedAt.getTime() || a.index - b.index)
    .map(({ s }) => s);
  let figures = initial;
  const history = ordered.map((s) => {
    const counted = isWithinSupplementWindow(occurredAt, category, s.changedAt);
    if (counted) figures = s.figures;
    return { ...s, counted, grade: gradeAccident(s.figures) };
  });
  return { figures, grade: gradeAccident(figures), history };
}
