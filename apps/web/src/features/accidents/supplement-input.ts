import { SUPPLEMENT_FIGURES, type SupplementFigure } from '@anjian/domain';
import type { FiguresData } from './accidents.api';
import { figureValue } from './figure-input';

/** What the supplement form holds for each figure: the text typed (checked by FigureFields), or empty. */
export type FigureValues = Partial<Record<SupplementFigure, string | number | null | undefined>>;

/**
 * The figures a supplement names: only those the user changed from the current ones. The
 * server keeps every figure a supplement leaves out, so sending an untouched figure would
 * record a change nobody reported (and, against figures moved by a supplement recorded
 * meanwhile, undo it). An emptied field names nothing; 0 names zero.
 */
export function changedFigures(current: FiguresData, values: FigureValues): Partial<Record<SupplementFigure, number>> {
  const changed: Partial<Record<SupplementFigure, number>> = {};
  for (const key of SUPPLEMENT_FIGURES) {
    const value = figureValue(values[key], key);
    if (typeof value === 'number' && value !== current[key]) changed[key] = value;
  }
  return changed;
}
