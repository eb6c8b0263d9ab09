import { describe, expect, it } from 'vitest';
import { monthsBefore } from './register.js';

describe('monthsBefore (the key rule look-back)', () => {
  it.each([
    ['2026-12-07', 12, '2025-12-07'],
    ['2026-03-31', 1, '2026-02-28'],
    ['2024-03-31', 1, '2024-02-29'],
    ['2026-01-15', 1, '2025-12-15'],
    ['2026-01-15', 13, '2024-12-15'],
    ['2026-05-10', 0, '2026-05-10'],
  ])('%s minus %i months is %s', (on, months, expected) => {
    expect(monthsBefore(on, months)).toBe(expected);
  });
});
