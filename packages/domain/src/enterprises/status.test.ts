import { describe, expect, it } from 'vitest';
import { canChangeEnterpriseStatus, ENTERPRISE_STATUSES, isManualStatusChange } from './status.js';

describe('enterprise status changes', () => {
  const pairs = ENTERPRISE_STATUSES.flatMap((from) => ENTERPRISE_STATUSES.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s: allowed by the domain, and by hand', (from, to) => {
    const domain = (from === 'operating' && to !== 'operating') || (from === 'suspended' && to !== 'suspended');
    expect(canChangeEnterpriseStatus(from, to)).toBe(domain);
    // By hand: whatever the domain allows except lifting 停产整顿, which only a 复产验收 does.
    expect(isManualStatusChange(from, to)).toBe(domain && !(from === 'suspended' && to === 'operating'));
  });

  it('never reopens a closed enterprise, by hand or otherwise', () => {
    for (const to of ENTERPRISE_STATUSES) {
      expect(canChangeEnterpriseStatus('closed', to)).toBe(false);
      expect(isManualStatusChange('closed', to)).toBe(false);
    }
  });
});
