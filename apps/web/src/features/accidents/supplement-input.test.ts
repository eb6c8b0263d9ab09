import { describe, expect, it } from 'vitest';
import { changedFigures } from './supplement-input';

const current = { deaths: 1, missing: 0, deathsIncludingMissing: 1, seriousInjuries: 12, minorInjuries: 3, directLossYuan: 20_000_000 };
const unchanged = { deaths: 1, missing: 0, seriousInjuries: 12, minorInjuries: 3, directLossYuan: 20_000_000 };

describe('changedFigures: the supplement form sends only what changed', () => {
  it('names the one figure changed and leaves the others out', () => {
    expect(changedFigures(current, { ...unchanged, deaths: 2 })).toEqual({ deaths: 2 });
  });

  it.each([
    ['deaths', 0],
    ['missing', 2],
    ['seriousInjuries', 9],
    ['minorInjuries', 4],
    ['directLossYuan', 25_000_000],
  ] as const)('names %s alone when only it changed (→ %d)', (key, value) => {
    expect(changedFigures(current, { ...unchanged, [key]: value })).toEqual({ [key]: value });
  });

  it('reads the text the form holds', () => {
    expect(changedFigures(current, { deaths: '1', missing: '0', seriousInjuries: '13', minorInjuries: '3', directLossYuan: '20,000,000' })).toEqual({ seriousInjuries: 13 });
    expect(changedFigures(current, { deaths: ' ', missing: '' })).toEqual({});
  });

  it('names a figure lowered to 0, and nothing for an untouched or emptied field', () => {
    expect(changedFigures(current, { ...unchanged, seriousInjuries: 0 })).toEqual({ seriousInjuries: 0 });
    expect(changedFigures(current, unchanged)).toEqual({});
    expect(changedFigures(current, { ...unchanged, deaths: null, missing: undefined })).toEqual({});
  });
});
