import { describe, expect, it } from 'vitest';
import { isWithinRegion, normaliseRegionCode, regionCodeCandidates, parentRegionCode, regionLevel, regionPath, ROOT_REGION_CODE, subtreePrefix } from './region-code.js';

describe('normaliseRegionCode', () => {
  it.each([
    ['13', '13'],
    ['130000', '13'],
    ['130000000000', '13'],
    ['1301', '1301'],
    ['130100', '1301'],
    ['130100000000', '1301'],
    ['130102', '130102'],
    ['130102000000', '130102'],
    ['130102001', '130102001'],
    ['130102001000', '130102001'],
    ['130102001001', '130102001001'],
    [' 130102 ', '130102'],
    ['0', ROOT_REGION_CODE],
  ])('%s → %s', (input, expected) => {
    expect(normaliseRegionCode(input)).toBe(expected);
  });

  it.each(['', '1', '130', '13010', '1301020010', 'abcdef', '00', '000000', '13a102', '1301020010011'])('rejects %j', (input) => {
    expect(normaliseRegionCode(input)).toBeNull();
  });
});

describe('regionCodeCandidates', () => {
  it('lists every reading, most specific first', () => {
    expect(regionCodeCandidates('441900000000')).toEqual(['441900000000', '441900000', '441900', '4419']);
    expect(regionCodeCandidates('441900')).toEqual(['441900', '4419']);
    expect(regionCodeCandidates('130102001001')).toEqual(['130102001001']);
    expect(regionCodeCandidates('130102001000')).toEqual(['130102001000', '130102001']);
    expect(regionCodeCandidates('1301')).toEqual(['1301']);
    expect(regionCodeCandidates('130')).toEqual([]);
  });
});

describe('tree arithmetic', () => {
  it('gives each canonical length its level', () => {
    expect(['0', '13', '1301', '130102', '130102001', '130102001001'].map(regionLevel)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('walks up to the root', () => {
    expect(parentRegionCode('130102001001')).toBe('130102001');
    expect(parentRegionCode('13')).toBe(ROOT_REGION_CODE);
    expect(parentRegionCode(ROOT_REGION_CODE)).toBeNull();
    expect(regionPath('130102001')).toEqual(['0', '13', '1301', '130102', '130102001']);
  });

  it('treats a subtree as a prefix, the root as everything', () => {
    expect(subtreePrefix(ROOT_REGION_CODE)).toBe('');
    expect(isWithinRegion('130102001', '1301')).toBe(true);
    expect(isWithinRegion('1301', '1301')).toBe(true);
    expect(isWithinRegion('1302', '1301')).toBe(false);
    expect(isWithinRegion('13', ROOT_REGION_CODE)).toBe(true);
    expect(isWithinRegion(ROOT_REGION_CODE, '13')).toBe(false);
  });
});
