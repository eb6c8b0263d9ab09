import { sql, type RawBuilder } from 'kysely';
import { REPORTER_CONFIDENTIAL_NAME, type HazardDetail } from '@anjian/domain';
import type { Scope } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import type { SessionUser } from '../../platform/http/context.js';
import { accountabilityGrounds, hazardActions, presentSummary } from './hazards.present.js';
import { mayReadReporter } from './hazards.reporter.js';
import type { HazardRow } from './hazards.repository.js';
import { hazardVisible } from './hazards.scope.js';

/*
 * A hazard with everything its page shows — timeline, files, accountability — read in ONE
 * statement, and the report written in one: on this machine a round trip to PostgreSQL costs
 * about as much as a simple statement (each socket write wakes the other process), so the
 * count of statements, not their size, decides how many requests a second the loop carries.
 */

interface EventJson { id: string; seq: number; action: string; fromStatus: string | null; toStatus: string; actorName: string; actorOrgName: string | null; at: string; comment: string | null; data: Record<string, unknown> | null }
interface FileJson { id: string; name: string; mime: string; size: number; kind: string; eventId: string | null }
interface AccountabilityJson { person: string; personOrg: string | null; failure: string; decision: string; decidedOn: string }

export type DetailRow = HazardRow & {
  region_name: string;
  enterprise_name: string | null;
  department_name: string | null;
  events: EventJson[];
  files: FileJson[];
  accountability: AccountabilityJson[];
  /** A citizen reporter's identity is on record (hazard_reporters); never the identity itself. */
  has_reporter: boolean;
};

/** One event as JSON (the same shape whether read back or just written). */
export const eventJson = (ev: string) => sql.raw(`json_build_object('id', ${ev}.id::text, 'seq', ${ev}.seq, 'action', ${ev}.action, 'fromStatus', ${ev}.from_status,
  'toStatus', ${ev}.to_status, 'actorName', ${ev}.actor_name, 'actorOrgName', ${ev}.actor_org_name, 'at', ${ev}.at, 'comment', ${ev}.comment, 'data', ${ev}.data)`);

/** One attached file as JSON, from `files f` joined to `hazard_files`-shaped `hf`. */
export const fileJson = sql.raw(`json_build_object('id', f.id, 'name', f.name, 'mime', f.mime, 'size', f.size, 'kind', hf.kind, 'eventId', hf.event_id::text)`);

const ACCOUNTABILITY_JSON = sql.raw(`json_build_object('person', a.person, 'personOrg', a.person_org, 'failure', a.failure, 'decision', a.decision, 'decidedOn', a.decided_on)`);

/** The visible hazard `id` as the detail page shows it, or undefined. */
export async function loadDetail(db: Executor, id: string, scope: Scope): Promise<DetailRow | undefined> {
  const row = await db
    .selectFrom('hazards as h')
    .innerJoin('regions as r', 'r.code', 'h.region_code')
    .leftJoin('orgs as e', 'e.id', 'h.enterprise_id')
    .leftJoin('orgs as d', 'd.id', 'h.supervising_department_id')
    .selectAll('h')
    .select(['r.name as region_name', 'e.name as enterprise_name', 'd.name as department_name'])
    .select([
      sql<EventJson[]>`coalesce((select json_agg(${eventJson('ev')} order by ev.seq) from hazard_events ev where ev.hazard_id = h.id), '[]')`.as('events'),
      sql<FileJson[]>`coalesce((select json_agg(${fileJson} order by f.uploaded_at, f.id) from hazard_files hf join files f on f.id = hf.file_id where hf.hazard_id = h.id), '[]')`.as('files'),
      sql<AccountabilityJson[]>`coalesce((select json_agg(${ACCOUNTABILITY_JSON} order by a.id) from hazard_accountability a where a.hazard_id = h.id), '[]')`.as('accountability'),
      sql<boolean>`exists (select 1 from hazard_reporters hr where hr.hazard_id = h.id)`.as('has_reporter'),
    ])
    .where('h.id', '=', id)
    .where(hazardVisible(scope))
    .executeTakeFirst();
  return row as DetailRow | undefined;
}

const fileOut = ({ eventId: _e, ...f }: FileJson) => ({ ...f, url: `/api/files/${f.id}` });

/** The page's view of a hazard; `actions` are the acts this user may perform now. */
export function presentDetail(h: DetailRow, user: SessionUser, now: Date): HazardDetail {
  return {
    ...presentSummary(h, now),
    description: h.description,
    location: h.location,
    latitude: h.latitude === null ? null : Number(h.latitude),
    longitude: h.longitude === null ? null : Number(h.longitude),
    criterionClause: h.criterion_clause,
    // 举报人身份保密: whoever reads the page learns only that a citizen reported it.
    ...reporterFields(h, user),
    reportedAt: h.reported_at.toISOString(),
    responsiblePerson: h.responsible_person,
    supervisingDepartment: h.supervising_department_id ? { id: h.supervising_department_id, name: h.department_name ?? '' } : null,
    assignedAt: h.assigned_at?.toISOString() ?? null,
    plan: h.plan,
    extensionRequest: h.extension_request,
    listing: h.listing,
    acceptance: h.acceptance ? withoutSnapshot(h.acceptance) : null,
    accountabilityRequired: h.accountability_required,
    accountability: h.accountability,
    files: h.files.map(fileOut),
    timeline: h.events.map(({ id, at, ...e }) => ({ ...e, at: new Date(at).toISOString(), files: h.files.filter((f) => f.eventId === id).map(fileOut) })),
    version: h.version,
    actions: hazardActions(user, h, accountabilityGrounds(h, h.events.map((e) => e.action), now)),
  };
}

function reporterFields(h: DetailRow, user: SessionUser) {
  const confidential = h.source === 'public_report';
  return {
    foundByName: confidential ? REPORTER_CONFIDENTIAL_NAME : h.found_by_name,
    reporterConfidential: confidential,
    reporterAvailable: confidential && h.has_reporter && mayReadReporter(user),
  };
}

/** The acceptance's hash input stays on the server: the page shows who signed, not what was hashed. */
function withoutSnapshot(acceptance: Record<string, unknown>): Record<string, unknown> {
  const { snapshot: _s, ...rest } = acceptance;
  return rest;
}

/**
 * `insert into audit_log (…) values (…, <objectId>)` from an audit row's values, for a statement
 * that writes the change and its audit row together (VALUES, so each parameter takes its
 * column's type).
 */
export function auditInsert(values: Record<string, unknown>, objectId: RawBuilder<unknown>): RawBuilder<unknown> {
  const columns = Object.keys(values);
  return sql`insert into audit_log (${sql.join(columns.map((c) => sql.ref(c)))}, object_id) values (${sql.join(columns.map((c) => sql`${values[c]}`))}, ${objectId})`;
}
