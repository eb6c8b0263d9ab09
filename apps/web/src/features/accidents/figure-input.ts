import { ACCIDENT_MAX_LOSS_YUAN, ACCIDENT_MAX_PEOPLE, type SupplementFigure } from '@anjian/domain';

/*
 * The casualty and loss fields take text and read it strictly: these figures decide the
 * legal grade (Decree 493), so a form never turns −1 into 0, 2.5 into 3 or "abc" into 0.
 * What is not a whole number ≥ 0 is refused with the reason, and nothing is sent.
 */

export type FigureProblem = 'not_number' | 'negative' | 'fraction' | 'too_large';

export type FigureReading = { ok: true; value: number | undefined } | { ok: false; problem: FigureProblem; max: number };

/** The upper bound the server holds each figure to. */
export function figureMax(key: SupplementFigure): number {
  return key === 'directLossYuan' ? ACCIDENT_MAX_LOSS_YUAN : ACCIDENT_MAX_PEOPLE;
}

const WHOLE = /^\d+$/;
/** Thousands grouped by commas, as a loss is often written: 1,200,000. */
const GROUPED = /^\d{1,3}(,\d{3})+$/;
/** A plain decimal, read only to say what is wrong with it (negative, or not whole). */
const DECIMAL = /^-?(\d+(\.\d+)?|\.\d+)$/;

/**
 * Reads what the user typed. Empty is `undefined` (the field's own rule decides whether it may
 * be empty). Only ASCII digits, optionally grouped by commas for the loss; surrounding spaces
 * are ignored. Anything else is refused, saying why.
 */
export function readFigure(raw: unknown, key: SupplementFigure): FigureReading {
  const max = figureMax(key);
  if (raw === undefined || raw === null) return { ok: true, value: undefined };
  if (typeof raw === 'number') return check(raw, max);
  if (typeof raw !== 'string') return { ok: false, problem: 'not_number', max };
  const text = raw.trim();
  if (text === '') return { ok: true, value: undefined };
  if (WHOLE.test(text) || (key === 'directLossYuan' && GROUPED.test(text))) return check(Number(text.replaceAll(',', '')), max);
  if (DECIMAL.test(text)) return check(Number(text), max);
  return { ok: false, problem: 'not_number', max };
}

function check(value: number, max: number): FigureReading {
  if (!Number.isFinite(value)) return { ok: false, problem: 'not_number', max };
  if (value < 0 || Object.is(value, -0)) return { ok: false, problem: 'negative', max };
  if (!Number.isInteger(value)) return { ok: false, problem: 'fraction', max };
  if (value > max) return { ok: false, problem: 'too_large', max };
  return { ok: true, value };
}

/** The value to send for a field already checked by readFigure (empty → undefined). */
export function figureValue(raw: unknown, key: SupplementFigure): number | undefined {
  const reading = readFigure(raw, key);
  return reading.ok ? reading.value : undefined;
}
