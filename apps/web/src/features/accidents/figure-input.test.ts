import { ACCIDENT_MAX_LOSS_YUAN, ACCIDENT_MAX_PEOPLE } from '@anjian/domain';
import { describe, expect, it } from 'vitest';
import { figureValue, readFigure } from './figure-input';

describe('readFigure: a casualty or loss figure is a whole number ≥ 0, never rewritten', () => {
  it.each([
    ['0', 0],
    ['3', 3],
    [' 12 ', 12],
    ['007', 7],
    [String(ACCIDENT_MAX_PEOPLE), ACCIDENT_MAX_PEOPLE],
    [5, 5],
  ] as const)('deaths %j → %d', (raw, value) => {
    expect(readFigure(raw, 'deaths')).toEqual({ ok: true, value });
  });

  it.each([
    ['-1', 'negative'],
    ['-0', 'negative'],
    [-1, 'negative'],
    ['2.5', 'fraction'],
    ['0.5', 'fraction'],
    [2.5, 'fraction'],
    ['abc', 'not_number'],
    ['1e3', 'not_number'],
    ['+5', 'not_number'],
    ['1,000', 'not_number'], // grouping is for money, not for people
    ['３', 'not_number'], // full-width digits are not guessed at
    ['1 2', 'not_number'],
    [String(ACCIDENT_MAX_PEOPLE + 1), 'too_large'],
    [Number.NaN, 'not_number'],
    [{}, 'not_number'],
  ] as const)('deaths %j is refused: %s', (raw, problem) => {
    expect(readFigure(raw, 'deaths')).toMatchObject({ ok: false, problem });
  });

  it('reads empty as nothing named (the field’s required rule speaks for itself)', () => {
    for (const raw of ['', '   ', undefined, null]) expect(readFigure(raw, 'missing')).toEqual({ ok: true, value: undefined });
  });

  it('takes a loss in whole yuan, grouped by commas or not, up to the server’s bound', () => {
    expect(readFigure('1,200,000', 'directLossYuan')).toEqual({ ok: true, value: 1_200_000 });
    expect(readFigure('1200000', 'directLossYuan')).toEqual({ ok: true, value: 1_200_000 });
    expect(readFigure(String(ACCIDENT_MAX_LOSS_YUAN), 'directLossYuan')).toEqual({ ok: true, value: ACCIDENT_MAX_LOSS_YUAN });
    expect(readFigure(String(ACCIDENT_MAX_LOSS_YUAN + 1), 'directLossYuan')).toMatchObject({ ok: false, problem: 'too_large', max: ACCIDENT_MAX_LOSS_YUAN });
    expect(readFigure('12,00', 'directLossYuan')).toMatchObject({ ok: false, problem: 'not_number' });
    expect(readFigure('abc', 'directLossYuan')).toMatchObject({ ok: false, problem: 'not_number' });
    expect(readFigure('100.50', 'directLossYuan')).toMatchObject({ ok: false, problem: 'fraction' });
    expect(readFigure('-5', 'directLossYuan')).toMatchObject({ ok: false, problem: 'negative' });
  });

  it('figureValue gives the number to send, and nothing for a refused text', () => {
    expect(figureValue('4', 'seriousInjuries')).toBe(4);
    expect(figureValue('', 'seriousInjuries')).toBeUndefined();
    expect(figureValue('2.5', 'seriousInjuries')).toBeUndefined();
  });
});
