import { describe, expect, it } from 'vitest';
import { BLACKLIST_DRAW_WEIGHT, blacklistDrawWeight } from './rechecks.js';

describe('a blacklisted enterprise weighs more in a 双随机 draw', () => {
  const entry = { fromOn: '2026-03-01', toOn: '2027-02-28', removed: false };

  it('weighs 3 on the first and last day of an entry in force, 1 the day before and after', () => {
    expect(BLACKLIST_DRAW_WEIGHT).toBe(3);
    expect(blacklistDrawWeight([entry], '2026-03-01')).toBe(3);
    expect(blacklistDrawWeight([entry], '2027-02-28')).toBe(3);
    expect(blacklistDrawWeight([entry], '2026-02-28')).toBe(1);
    expect(blacklistDrawWeight([entry], '2027-03-01')).toBe(1);
  });

  it('a removed entry (信用修复) no longer counts; any entry in force does; none weighs 1', () => {
    expect(blacklistDrawWeight([{ ...entry, removed: true }], '2026-06-01')).toBe(1);
    expect(blacklistDrawWeight([{ ...entry, removed: true }, { ...entry, fromOn: '2026-05-01' }], '2026-06-01')).toBe(3);
    expect(blacklistDrawWeight([{ ...entry, removed: true }, entry, entry], '2026-06-01')).toBe(3);
    expect(blacklistDrawWeight([], '2026-06-01')).toBe(1);
  });
});
