import { describe, expect, it } from 'vitest';
import { BASELINE_PERMISSIONS, PERMISSIONS } from './permissions.js';
import { effectivePermissions, ROLE_KEYS, ROLES, SEPARATED_ADMIN_ROLES, separationOfDutiesViolation } from './roles.js';

describe('三权分立 separation of duties', () => {
  it('gives the three administrators pairwise disjoint permissions', () => {
    for (const a of SEPARATED_ADMIN_ROLES) {
      for (const b of SEPARATED_ADMIN_ROLES) {
        if (a === b) continue;
        const shared = ROLES[a].permissions.filter((p) => (ROLES[b].permissions as readonly string[]).includes(p));
        expect(shared, `${a} ∩ ${b}`).toEqual([]);
      }
    }
  });

  it('keeps the baseline every role shares to read-only reference data', () => {
    expect(BASELINE_PERMISSIONS.every((p) => p.endsWith('.read'))).toBe(true);
    for (const key of SEPARATED_ADMIN_ROLES) {
      expect(ROLES[key].permissions.filter((p) => (BASELINE_PERMISSIONS as readonly string[]).includes(p))).toEqual([]);
    }
  });

  it('reserves user, role and audit powers to their administrators', () => {
    const holders = (permission: string) => ROLE_KEYS.filter((k) => (ROLES[k].permissions as readonly string[]).includes(permission));
    expect(holders('audit.read')).toEqual(['audit_admin']);
    expect(holders('role.assign')).toEqual(['security_admin']);
    expect(holders('user.create')).toEqual(['security_admin']);
    expect(holders('routing.manage')).toEqual(['system_admin']);
  });

  it('refuses an account holding two administrator roles', () => {
    expect(separationOfDutiesViolation(['system_admin', 'leader'])).toBeNull();
    expect(separationOfDutiesViolation(['system_admin', 'audit_admin'])).toEqual(['system_admin', 'audit_admin']);
  });

  it('uses only declared permissions and grants the baseline to all', () => {
    for (const key of ROLE_KEYS) for (const p of ROLES[key].permissions) expect(PERMISSIONS).toContain(p);
    expect([...effectivePermissions([])].sort()).toEqual([...BASELINE_PERMISSIONS].sort());
  });
});
