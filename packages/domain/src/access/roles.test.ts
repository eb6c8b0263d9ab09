import { describe, expect, it } from 'vitest';
import { BASELINE_PERMISSIONS, PERMISSIONS } from './permissions.js';
import {
  accountRefusal, effectivePermissions, isAdminRole, OUT_OF_BAND_ROLES, ROLE_KEYS, ROLES, roleGrantRefusal, SEPARATED_ADMIN_ROLES, separationOfDutiesViolation,
} from './roles.js';

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
    expect(separationOfDutiesViolation(['system_admin', 'audit_admin'])).toEqual(['system_admin', 'audit_admin']);
  });

  it('uses only declared permissions and grants the baseline to all', () => {
    for (const key of ROLE_KEYS) for (const p of ROLES[key].permissions) expect(PERMISSIONS).toContain(p);
    expect([...effectivePermissions([])].sort()).toEqual([...BASELINE_PERMISSIONS].sort());
  });
});

/** Every subset of the given roles (the eleven built-in and a custom one: 4,096). */
function* subsets(keys: readonly string[]): Generator<string[]> {
  for (let mask = 0; mask < 1 << keys.length; mask++) yield keys.filter((_, i) => mask & (1 << i));
}

describe('an administrator never combines with a business role', () => {
  const keys = [...ROLE_KEYS, 'custom_business_role'];

  it('decides every combination of roles', () => {
    let allowed = 0;
    for (const roles of subsets(keys)) {
      const admins = roles.filter((k) => (SEPARATED_ADMIN_ROLES as readonly string[]).includes(k));
      // Allowed: business roles only, or exactly one administrator role alone.
      const ok = admins.length === 0 || (admins.length === 1 && roles.length === 1);
      expect(separationOfDutiesViolation(roles) === null, roles.join('+')).toBe(ok);
      if (ok) allowed++;
    }
    // 2^9 subsets of the nine business roles (the empty one included), and the three admins alone.
    expect(allowed).toBe(2 ** 9 + 3);
  });

  it('names the clash: the administrators, or every role held beside one', () => {
    expect(separationOfDutiesViolation(['security_admin', 'leader'])).toEqual(['security_admin', 'leader']);
    expect(separationOfDutiesViolation(['leader', 'audit_admin', 'leader'])).toEqual(['leader', 'audit_admin']);
    expect(separationOfDutiesViolation(['security_admin', 'security_admin'])).toBeNull();
  });
});

/** Regions relative to an actor at 130123 (正定县). */
const ACTOR_REGION = '130123';
const RELATIONS = { same: '130123', below: '130123100', twoBelow: '130123100001', above: '1301', sibling: '130125', root: '0' } as const;

describe('which roles a security administrator may grant', () => {
  const security = { roles: ['security_admin'], regionCode: ACTOR_REGION };

  it('decides every role at every region relation', () => {
    for (const role of ROLE_KEYS) {
      for (const [relation, region] of Object.entries(RELATIONS)) {
        const refusal = roleGrantRefusal(security, [role], region);
        const expected = (OUT_OF_BAND_ROLES as readonly string[]).includes(role) ? 'out_of_band'
          : role === 'security_admin' && !['below', 'twoBelow'].includes(relation) ? 'not_below'
            : null;
        expect(refusal?.reason ?? null, `${role} at ${relation}`).toBe(expected);
      }
    }
  });

  it('lets a root security administrator make security administrators anywhere below the root, not at it', () => {
    const root = { roles: ['security_admin'], regionCode: '0' };
    expect(roleGrantRefusal(root, ['security_admin'], '13')).toBeNull();
    expect(roleGrantRefusal(root, ['security_admin'], '0')?.reason).toBe('not_below');
    expect(roleGrantRefusal(root, ['audit_admin'], '13')?.reason).toBe('out_of_band');
  });

  it('lets nobody but a security administrator grant anything', () => {
    for (const actorRole of ROLE_KEYS.filter((k) => k !== 'security_admin')) {
      for (const role of ROLE_KEYS) expect(roleGrantRefusal({ roles: [actorRole], regionCode: '0' }, [role], '13')?.reason).toBe('not_security_admin');
    }
  });

  it('names only the refused roles', () => {
    expect(roleGrantRefusal(security, ['leader', 'audit_admin', 'system_admin'], RELATIONS.below)).toEqual({ reason: 'out_of_band', roles: ['audit_admin', 'system_admin'] });
  });
});

describe('which accounts a security administrator may manage', () => {
  const actor = { id: 'me', regionCode: ACTOR_REGION };

  it('decides every role held at every region relation, and the actor itself', () => {
    for (const role of ROLE_KEYS) {
      for (const [relation, region] of Object.entries(RELATIONS)) {
        const expected = (OUT_OF_BAND_ROLES as readonly string[]).includes(role) ? 'out_of_band'
          : role === 'security_admin' && !['below', 'twoBelow'].includes(relation) ? 'peer_or_above'
            : null;
        expect(accountRefusal(actor, { id: 'other', roles: [role], regionCode: region }), `${role} at ${relation}`).toBe(expected);
      }
      const self = accountRefusal(actor, { id: 'me', roles: [role], regionCode: ACTOR_REGION });
      expect(self, `self holding ${role}`).toBe(isAdminRole(role) && role !== 'security_admin' ? 'out_of_band' : 'self');
    }
  });

  it('protects an account holding an out-of-band role whatever else it holds', () => {
    expect(accountRefusal(actor, { id: 'x', roles: ['leader', 'audit_admin'], regionCode: RELATIONS.below })).toBe('out_of_band');
    expect(accountRefusal(actor, { id: 'x', roles: [], regionCode: RELATIONS.below })).toBeNull();
  });
});

describe("a citizen reporter's identity", () => {
  it('is readable only by government roles that handle reports, never by enterprises or administrators', () => {
    const holders = ROLE_KEYS.filter((k) => (ROLES[k].permissions as readonly string[]).includes('hazard.read_reporter'));
    expect(holders).toEqual(['committee_office_staff', 'department_staff', 'township_staff', 'inspector']);
    for (const k of holders) expect(ROLES[k].audiences).toEqual(['government']);
  });
});
