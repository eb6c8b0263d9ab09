import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { isWithinRegion, regionPath, subtreePrefix } from '@anjian/domain';
import type { SessionUser } from '../http/context.js';

/**
 * The one scope mechanism: what a signed-in user may see, and the SQL that says so.
 *
 * - Government users: their organisation's region subtree (a code prefix); an industry
 *   department, within it, only the records of the industries it supervises (and those it was
 *   named to supervise by name).
 * - Enterprise users: their own enterprise's records only.
 *
 * Every table a user reads through is described once by its module as a `ScopedRecord`
 * (which column holds its region, its enterprise, its industry); `scope.where(record)` is the
 * only way to turn a scope into SQL. The scope's own fields are private, so a repository cannot
 * hand-write a narrower or wider test; a query that deliberately reads without a user's scope
 * (a job, sign-in, a public endpoint) says so with `unscoped('why')`, which review can grep for.
 */
export interface ScopedRecord {
  /** The column holding the record's region code. */
  region: string;
  /** The column naming the record's enterprise (its org id); null: enterprise accounts never see this kind. */
  enterprise: string | null;
  /**
   * How an industry department is held to the record: a text column (`= any(industries)`), an
   * array column every element of which must be one of the department's (`within`, e.g. a
   * draw made over some industries), or one that must share at least one (`overlaps`, e.g. an
   * enterprise in several industries); null: the kind belongs to no industry, a department
   * sees it by region like any office of its level.
   */
  industry: string | { within: string } | { overlaps: string } | null;
  /** A column naming a department that supervises this very record, which it then sees whatever the industry. */
  supervisingOrg?: string;
}

export class Scope {
  readonly orgId: string;
  readonly regionCode: string;
  readonly #prefix: string;
  readonly #industries: readonly string[] | null;
  readonly #enterpriseId: string | null;

  constructor(user: Pick<SessionUser, 'orgId' | 'orgType' | 'regionCode' | 'orgIndustries'>) {
    this.orgId = user.orgId;
    this.regionCode = user.regionCode;
    this.#prefix = subtreePrefix(user.regionCode);
    this.#industries = user.orgType === 'department' ? [...user.orgIndustries] : null;
    this.#enterpriseId = user.orgType === 'enterprise' ? user.orgId : null;
  }

  /** An enterprise account: it sees its own enterprise's records and nothing else. */
  get isEnterprise(): boolean {
    return this.#enterpriseId !== null;
  }

  /** The enterprise an enterprise account belongs to; null for everyone else. */
  get enterpriseId(): string | null {
    return this.#enterpriseId;
  }

  /** The industries an industry department is held to (to show, or to check a row being written); null for everyone else. */
  get industries(): readonly string[] | null {
    return this.#industries;
  }

  /** The whole region subtree, unnarrowed by industry or enterprise: what the rollups can answer for. */
  get isWholeRegion(): boolean {
    return this.#industries === null && this.#enterpriseId === null;
  }

  /** Whether `code` lies in the scope's region subtree (itself included). */
  coversRegion(code: string): boolean {
    return isWithinRegion(code, this.regionCode);
  }

  /** Whether `code` is in the subtree or on the path above it: regions one may name and read. */
  seesRegion(code: string): boolean {
    return code.startsWith(this.#prefix) || this.isAncestor(code);
  }

  /** Whether `code` is a region strictly above the scope's own (on its path to the root). */
  isAncestor(code: string): boolean {
    return code !== this.regionCode && this.regionCode.startsWith(subtreePrefix(code));
  }

  /** For a record being written in `industry`: may this scope hold it? (Everyone but a department: yes.) */
  coversIndustry(industry: string | null | undefined): boolean {
    return this.#industries === null || (industry != null && this.#industries.includes(industry));
  }

  /** For a record in several industries: does a department supervise at least one of them? */
  coversAnyIndustry(industries: readonly string[]): boolean {
    return this.#industries === null || industries.some((i) => this.#industries!.includes(i));
  }

  /**
   * The SQL test "this user may see the record". `regionHeld`: the query already holds the
   * record to a region the caller has checked with `coversRegion` (a statistics target), and
   * says it in whatever form its indexes want; only the industry and enterprise tests are added.
   */
  where(record: ScopedRecord, options: { regionHeld?: boolean } = {}): RawBuilder<SqlBool> {
    if (this.#enterpriseId !== null) {
      return record.enterprise === null ? sql<SqlBool>`false` : sql<SqlBool>`${sql.ref(record.enterprise)} = ${this.#enterpriseId}`;
    }
    const region = options.regionHeld ? null : this.withinRegion(record.region);
    const industry = this.#industries === null || record.industry === null ? null : this.#industryTest(record, this.#industries);
    if (region && industry) return sql<SqlBool>`(${region} and ${industry})`;
    return region ?? industry ?? sql<SqlBool>`true`;
  }

  #industryTest(record: ScopedRecord, industries: readonly string[]): RawBuilder<SqlBool> {
    const list = sql`${sql.val([...industries])}::text[]`;
    const column = record.industry!;
    const test = typeof column === 'string'
      ? sql<SqlBool>`${sql.ref(column)} = any(${list})`
      : 'within' in column
        ? sql<SqlBool>`(${sql.ref(column.within)} is not null and ${sql.ref(column.within)} <@ ${list})`
        : sql<SqlBool>`${sql.ref(column.overlaps)} && ${list}`;
    return record.supervisingOrg ? sql<SqlBool>`(${test} or ${sql.ref(record.supervisingOrg)} = ${this.orgId})` : test;
  }

  /**
   * The scope's region subtree alone, for reference data every account of the region reads
   * (the region tree itself) and for rollups, which answer only whole-region scopes.
   */
  withinRegion(column: Expression<string> | string): RawBuilder<SqlBool> {
    return inSubtree(column, this.#prefix);
  }

  /** The subtree or the path above it (a region's ancestors are readable: their names, their routing). */
  seesRegionSql(column: string): RawBuilder<SqlBool> {
    return sql<SqlBool>`(${this.withinRegion(column)} or ${sql.ref(column)} = any(${regionPath(this.regionCode)}::text[]))`;
  }
}

export function scopeOf(user: SessionUser): Scope {
  return new Scope(user);
}

/**
 * A narrowing the user asked for (a region filter), on top of the scope — never instead of it.
 * `code` must already be resolved within the scope (RegionsService.resolve does).
 */
export function regionFilter(column: Expression<string> | string, code: string): RawBuilder<SqlBool> {
  return inSubtree(column, subtreePrefix(code));
}

/** regionFilter for a caller that holds the region as its subtree prefix (statistics targets). */
export function regionPrefixFilter(column: Expression<string> | string, prefix: string): RawBuilder<SqlBool> {
  return inSubtree(column, prefix);
}

/**
 * The named escape hatch: a query that reads scoped records without a user's scope, on
 * purpose — a scheduled job, sign-in, a system task. The reason is for the reader of the code.
 */
export function unscoped(reason: string): RawBuilder<SqlBool> {
  void reason;
  return sql<SqlBool>`true`;
}

/** `column LIKE prefix%` — on a "C"-collated column this is an index range scan. */
function inSubtree(column: Expression<string> | string, prefix: string): RawBuilder<SqlBool> {
  const ref = typeof column === 'string' ? sql.ref(column) : column;
  return prefix === '' ? sql<SqlBool>`true` : sql<SqlBool>`${ref} like ${prefix + '%'}`;
}
