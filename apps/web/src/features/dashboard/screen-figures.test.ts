import { describe, expect, it } from 'vitest';
import type { AccidentStatsData, HazardStatsData } from './dashboard.api';
import { screenRows } from './screen-figures';

const fig = (current: number) => ({ current });
const accidents = {
  byRegion: [
    { code: '1', name: '甲镇', atThisLevel: false, doubleRise: false, accidents: fig(2), deaths: fig(0) },
    { code: '2', name: '乙镇', atThisLevel: false, doubleRise: true, accidents: fig(1), deaths: fig(3) },
    { code: '3', name: '丙镇', atThisLevel: false, doubleRise: false, accidents: fig(2), deaths: fig(1) },
    { code: '0', name: '本县', atThisLevel: true, doubleRise: true, accidents: fig(9), deaths: fig(9) },
  ],
} as unknown as AccidentStatsData;
const hazards = { byRegion: [{ code: '1', snapshot: { overdue: 5 } }, { code: '3', snapshot: { overdue: 5 } }] } as unknown as HazardStatsData;

describe('screenRows', () => {
  it('orders by the chosen figure, ties share a rank, 本级 left out', () => {
    expect(screenRows('accidents', accidents, hazards).map((r) => [r.code, r.value, r.rank])).toEqual([['3', 2, 1], ['1', 2, 1], ['2', 1, 3]]);
    expect(screenRows('deaths', accidents, hazards).map((r) => r.code)).toEqual(['2', '3', '1']);
  });
  it('overdue comes from the hazard figures; a region missing there counts 0', () => {
    expect(screenRows('overdue', accidents, hazards).map((r) => [r.code, r.value, r.rank])).toEqual([['3', 5, 1], ['1', 5, 1], ['2', 0, 3]]);
    expect(screenRows('overdue', accidents, undefined).every((r) => r.value === 0)).toBe(true);
  });
  it('双上升 is 1 for the regions where both rose', () => {
    expect(screenRows('doubleRise', accidents, hazards).filter((r) => r.value === 1).map((r) => r.code)).toEqual(['2']);
  });
});
