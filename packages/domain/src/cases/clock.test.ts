import { describe, expect, it } from 'vitest';
import { CASE_CLOCK_CASES, caseDaysOverdue, caseDueOn, isCaseOverdue } from './clock.js';

describe('the 立案→决定 clock', () => {
  it.each(CASE_CLOCK_CASES)('$name', (c) => {
    const f = { status: c.status, filedOn: c.filedOn, extensionDays: c.extensionDays };
    expect(caseDueOn(f)).toBe(c.dueOn);
    expect(caseDaysOverdue(f, c.today)).toBe(c.daysOverdue);
    expect(isCaseOverdue(f, c.today)).toBe(c.daysOverdue > 0);
  });
});
