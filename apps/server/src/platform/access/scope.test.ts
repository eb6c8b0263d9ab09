import { Kysely, PostgresDialect, type RawBuilder, type SqlBool } from 'kysely';
import { describe, expect, it } from 'vitest';
import { regionFilter, Scope, unscoped, type ScopedRecord } from './scope.js';

// Compiles SQL without a database: the dialect only needs a pool when a query runs.
const db = new Kysely<Record<string, never>>({ dialect: new PostgresDialect({ pool: {} as never }) });
const compile = (predicate: RawBuilder<SqlBool>) => {
  const q = predicate.compile(db);
  return { sql: q.sql, params: q.parameters };
};

const county = new Scope({ orgId: 'office', orgType: 'safety_committee_office', regionCode: '130123', orgIndustries: [] });
const root = new Scope({ orgId: 'platform', orgType: 'platform', regionCode: '0', orgIndustries: [] });
const department = new Scope({ orgId: 'dept', orgType: 'department', regionCode: '130123', orgIndustries: ['construction', 'urban_gas'] });
const enterprise = new Scope({ orgId: 'ent', orgType: 'enterprise', regionCode: '130123100001', orgIndustries: [] });

const HAZARD: ScopedRecord = { region: 'h.region_code', enterprise: 'h.enterprise_id', industry: 'h.industry_code', supervisingOrg: 'h.supervising_department_id' };
const ORG: ScopedRecord = { region: 'o.region_code', enterprise: 'o.id', industry: null };
const DRAW: ScopedRecord = { region: 'd.region_code', enterprise: null, industry: { within: 'd.industries' } };
const ENTERPRISE: ScopedRecord = { region: 'o.region_code', enterprise: 'o.id', industry: { overlaps: 'e.industries' } };

describe('Scope.where: the one rule, as SQL', () => {
  it('holds a government office to its subtree, and the root to nothing', () => {
    expect(compile(county.where(HAZARD))).toEqual({ sql: '"h"."region_code" like $1', params: ['130123%'] });
    expect(compile(root.where(HAZARD)).sql).toBe('true');
  });

  it('holds a department to its subtree AND its industries (or what it was named to supervise)', () => {
    expect(compile(department.where(HAZARD))).toEqual({
      sql: '("h"."region_code" like $1 and ("h"."industry_code" = any($2::text[]) or "h"."supervising_department_id" = $3))',
      params: ['130123%', ['construction', 'urban_gas'], 'dept'],
    });
  });

  it('lets a department see records of no industry by region alone', () => {
    expect(compile(department.where(ORG))).toEqual({ sql: '"o"."region_code" like $1', params: ['130123%'] });
  });

  it('reads array industries as "all within" or "any shared"', () => {
    expect(compile(department.where(DRAW)).sql).toBe('("d"."region_code" like $1 and ("d"."industries" is not null and "d"."industries" <@ $2::text[]))');
    expect(compile(department.where(ENTERPRISE)).sql).toBe('("o"."region_code" like $1 and "e"."industries" && $2::text[])');
    // Whole-region scopes are not narrowed by industry at all.
    expect(compile(county.where(DRAW)).sql).toBe('"d"."region_code" like $1');
  });

  it('holds an enterprise account to its own enterprise, and shows it nothing of kinds without one', () => {
    expect(compile(enterprise.where(HAZARD))).toEqual({ sql: '"h"."enterprise_id" = $1', params: ['ent'] });
    expect(compile(enterprise.where(DRAW)).sql).toBe('false');
  });

  it('drops only the region test for a query already held to a region', () => {
    expect(compile(county.where(HAZARD, { regionHeld: true })).sql).toBe('true');
    expect(compile(department.where(HAZARD, { regionHeld: true })).sql).toBe('("h"."industry_code" = any($1::text[]) or "h"."supervising_department_id" = $2)');
    expect(compile(enterprise.where(HAZARD, { regionHeld: true })).sql).toBe('"h"."enterprise_id" = $1');
  });

  it('keeps filters and the escape hatch apart from the scope', () => {
    expect(compile(regionFilter('h.region_code', '130123100'))).toEqual({ sql: '"h"."region_code" like $1', params: ['130123100%'] });
    expect(compile(unscoped('a job reads every region')).sql).toBe('true');
  });
});

describe('Scope in code', () => {
  it('covers its own subtree only, and sees the path above it', () => {
    expect(county.coversRegion('130123')).toBe(true);
    expect(county.coversRegion('130123100001')).toBe(true);
    expect(county.coversRegion('130124')).toBe(false);
    expect(county.coversRegion('1301')).toBe(false);
    expect(county.seesRegion('1301')).toBe(true);
    expect(county.seesRegion('13')).toBe(true);
    expect(county.seesRegion('130125')).toBe(false);
    expect(county.isAncestor('130123')).toBe(false);
    expect(county.isAncestor('1301')).toBe(true);
    expect(root.coversRegion('440106')).toBe(true);
  });

  it('lets only a department be held to industries', () => {
    expect(county.coversIndustry(undefined)).toBe(true);
    expect(department.coversIndustry('construction')).toBe(true);
    expect(department.coversIndustry('fireworks')).toBe(false);
    expect(department.coversIndustry(null)).toBe(false);
    expect(department.coversAnyIndustry(['fireworks', 'urban_gas'])).toBe(true);
    expect(department.coversAnyIndustry(['fireworks'])).toBe(false);
    expect([county.isWholeRegion, department.isWholeRegion, enterprise.isWholeRegion]).toEqual([true, false, false]);
    expect([county.enterpriseId, enterprise.enterpriseId, enterprise.isEnterprise]).toEqual([null, 'ent', true]);
  });
});
