import { ACCIDENT_CATEGORY_DEFINITIONS, type AccidentCategory } from './categories.js';
import { daysDeadline, isOnTime, type Deadline } from './deadlines.js';
import { gradeAccident, type AccidentFigures, type GradeResult } from './grading.js';

/**
 * "自事故发生之日起30日内（道路交通、火灾7日内）": the window closes at 24:00 (Shanghai) of its
 * last day, counted as daysDeadline counts — an accident at 10:00 on 1 April keeps it open
 * through 1 May.
 */
export function supplementWindow(occurredAt: Date, category: AccidentCategory): Deadline {
  return daysDeadline(occurredAt, ACCIDENT_CATEGORY_DEFINITIONS[category].supplementDays);
}

/** Whether a casualty change at `changedAt` still belongs to the accident's figures. */
export function isWithinSupplementWindow(occurredAt: Date, category: AccidentCategory, changedAt: Date): boolean {
  return isOnTime(supplementWindow(occurredAt, category), changedAt);
}

/** The figures a supplement may change: the grading criteria and the minor injuries. */
export const SUPPLEMENT_FIGURES = ['deaths', 'missing', 'seriousInjuries', 'minorInjuries', 'directLossYuan'] as const;
export type SupplementFigure = (typeof SUPPLEMENT_FIGURES)[number];

/** An accident's complete figures. */
export interface CasualtyFigures extends AccidentFigures {
  minorInjuries: number;
}

/** The figures a supplement names; a figure it leaves out (undefined) keeps its value. */
export type NamedFigures = Partial<CasualtyFigures>;

/** The figures `named` names, in SUPPLEMENT_FIGURES order (none: a supplement that says nothing). */
export function namedFigureKeys(named: NamedFigures): SupplementFigure[] {
  return SUPPLEMENT_FIGURES.filter((key) => named[key] !== undefined);
}

/** `figures` with each figure `named` names replaced; the others unchanged. */
export function mergeFigures<F extends CasualtyFigures>(figures: F, named: NamedFigures): F {
  const merged = { ...figures };
  for (const key of namedFigureKeys(named)) (merged as CasualtyFigures)[key] = named[key] as never;
  return merged;
}

export interface CasualtySupplement {
  /** When the change happened (an injured person died, a missing person was found). */
  changedAt: Date;
  /** When it was reported (补报). */
  reportedAt: Date;
  /**
   * Only the figures that changed. Casualty figures are corrected both ways (a missing person
   * found alive, a death counted twice), so a named figure may be lower than before.
   */
  named: NamedFigures;
}

export interface SupplementEntry<F extends CasualtyFigures = CasualtyFigures> extends CasualtySupplement {
  /** False when the change came after the window: it is kept in the history but not counted. */
  counted: boolean;
  /** The accident's figures once this change is taken in: merged when counted, unchanged when not. */
  figures: F;
  grade: GradeResult;
}

export interface SupplementedAccident<F extends CasualtyFigures = CasualtyFigures> {
  figures: F;
  grade: GradeResult;
  /** Every supplement in the order of change (ties: the order given), each with the figures it led to. */
  history: SupplementEntry<F>[];
}

/**
 * The accident's figures after its supplements: each counted supplement, in the order of
 * change, replaces exactly the figures it names, so the latest change of each figure inside
 * the window wins and a figure nobody named keeps its first report. Changes after the window
 * are kept for the record and ignored — statistics count the casualties known when the window
 * closed, so the grade can no longer move after that. The grade is always recomputed from the
 * merged figures, never taken from a supplement.
 */
export function applySupplements<F extends CasualtyFigures>(
  initial: F,
  occurredAt: Date,
  category: AccidentCategory,
  supplements: readonly CasualtySupplement[],
): SupplementedAccident<F> {
  const ordered = supplements
    .map((s, index) => ({ s, index }))
    .sort((a, b) => a.s.changedAt.getTime() - b.s.changedAt.getTime() || a.index - b.index)
    .map(({ s }) => s);
  let figures = initial;
  const history = ordered.map((s) => {
    const counted = isWithinSupplementWindow(occurredAt, category, s.changedAt);
    if (counted) figures = mergeFigures(figures, s.named);
    return { ...s, counted, figures, grade: gradeAccident(figures) };
  });
  return { figures, grade: gradeAccident(figures), history };
}
