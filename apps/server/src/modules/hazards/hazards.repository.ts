import { sql } from 'kysely';
import { ACCOUNTABILITY_FAILURE_ACTIONS } from '@anjian/domain';
import type { AuditRow } from '../../platform/audit/audit.writer.js';
import { PREPARE, type Executor } from '../../platform/db/database.js';
import type { Scope } from '../../platform/access/scope.js';
import { auditInsert, eventJson, fileJson, type DetailRow } from './hazards.detail.js';
import { hazardVisible } from './hazards.scope.js';
import type { HazardsTable } from './hazards.tables.js';

export type HazardRow = Omit<HazardsTable, 'id' | 'plan' | 'extension_request' | 'listing' | 'acceptance' | 'accountability_required' | 'version' | 'updated_at' | 'latitude' | 'longitude'> & {
  plan: Record<string, string> | null;
  extension_request: { requestedDeadline: string; reason: string; requestedAt: string; byOrgId: string } | null;
  listing: { liaisonLeader: string; departmentId: string; departmentName: string; suspend: boolean; orgId: string; listedAt: string } | null;
  acceptance: Record<string, unknown> | null;
  accountability_required: boolean;
  version: number;
  id: string;
  latitude: string | null;
  longitude: string | null;
};

export type HazardPatch = Partial<{
  status: string;
  responsible_org_id: string | null;
  responsible_unit: string | null;
  responsible_person: string | null;
  supervising_department_id: string | null;
  assigned_by_org_id: string | null;
  assigned_at: Date | null;
  deadline: string | null;
  plan: Record<string, string> | null;
  extension_request: HazardRow['extension_request'];
  listed_level: number | null;
  listed_region_code: string | null;
  listing: HazardRow['listing'];
  submitted_at: Date | null;
  closed_at: Date | null;
  closed_on: string | null;
  acceptance: Record<string, unknown> | null;
  escalated_at: Date | null;
  acceptance_escalated_at: Date | null;
  accountability_required: boolean;
}>;

const JSON_COLUMNS = ['plan', 'extension_request', 'listing', 'acceptance'] as const;

export interface NewEvent {
  hazard_id: string;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  actor_name: string;
  actor_org_id: string | null;
  actor_org_name: string | null;
  at: Date;
  comment: string | null;
  data: Record<string, unknown> | null;
}

export function createHazardsRepository(db: Executor) {
  return {
    /** Loads a visible hazard and locks it: concurrent acts on one hazard queue up here. */
    async lockVisible(tx: Executor, id: string, scope: Scope): Promise<HazardRow | null> {
      const row = await tx.selectFrom('hazards as h').selectAll('h').where('h.id', '=', id).where(hazardVisible(scope)).forUpdate().executeTakeFirst();
      return (row as HazardRow | undefined) ?? null;
    },

    /** The failures on a locked hazard's record that ground 问责 (a refused acceptance, a failed 回头看). */
    async failureActions(tx: Executor, hazardId: string): Promise<string[]> {
      const rows = await tx.selectFrom('hazard_events').select('action').distinct().where('hazard_id', '=', hazardId).where('action', 'in', [...ACCOUNTABILITY_FAILURE_ACTIONS]).execute();
      return rows.map((r) => r.action);
    },

    async visibleIds(ids: string[], scope: Scope, ex: Executor = db): Promise<string[]> {
      if (ids.length === 0) return [];
      const rows = await ex.selectFrom('hazards as h').select('h.id').where('h.id', 'in', ids).where(hazardVisible(scope)).execute();
      return rows.map((r) => r.id);
    },

    async insert(tx: Executor, values: Record<string, unknown>): Promise<string> {
      const row = await tx.insertInto('hazards').values(values as never).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },

    /**
     * 排查: a new hazard, its first event, its photos, a notice to whoever verifies reports
     * here (the township's government, else the county's committee office) and the audit row,
     * in one statement — atomic on its own, and one round trip. Returns the hazard as its page
     * shows it.
     */
    async insertReport(r: {
      hazard: Record<string, unknown>; event: Omit<NewEvent, 'hazard_id'>; photos: string[];
      notice: { title: string; exceptOrgId: string }; audit: AuditRow;
      /** A public report's citizen, SM4-encrypted (hazards.reporter.ts), or null. */
      reporter: string | null;
    }, ex: Executor = db): Promise<DetailRow> {
      const h = r.hazard;
      const columns = Object.keys(h);
      const e = r.event;
      const region = sql`h.region_code`;
      // Prepared: the same text every time (the same columns in the same order), planned once per connection.
      const { rows } = await sql<DetailRow>`${sql.raw(PREPARE)}
        with h as (
          insert into hazards (${sql.join(columns.map((c) => sql.ref(c)))}) values (${sql.join(columns.map((c) => sql`${h[c]}`))})
          returning *
        ), ev as (
          insert into hazard_events (hazard_id, seq, action, from_status, to_status, actor_id, actor_name, actor_org_id, actor_org_name, at, comment, data)
          values ((select id from h), ${e.seq}, ${e.action}, ${e.from_status}, ${e.to_status}, ${e.actor_id}, ${e.actor_name}, ${e.actor_org_id}, ${e.actor_org_name},
            ${e.at}, ${e.comment}, ${e.data ? JSON.stringify(e.data) : null})
          returning *
        ), hf as (
          insert into hazard_files (hazard_id, file_id, event_id, kind)
          select h.id, p.id, ev.id, 'before' from h, ev, unnest(${r.photos}::uuid[]) as p(id)
          returning *
        ), verifiers as (
          select o.id from h, orgs o where length(${region}) >= 9 and o.type = 'township_government' and o.region_code = left(${region}, 9)
          union all
          select o.id from h, orgs o where o.type = 'safety_committee_office' and o.region_code = left(${region}, 6)
            and not exists (select 1 from orgs t where length(${region}) >= 9 and t.type = 'township_government' and t.region_code = left(${region}, 9))
        ), n as (
          insert into notifications (org_id, hazard_id, kind, title, created_at)
          select v.id, h.id, 'reported', ${r.notice.title}::text, ${e.at}::timestamptz from h, verifiers v where v.id <> ${r.notice.exceptOrgId}::uuid
        ), rep as (
          insert into hazard_reporters (hazard_id, identity_enc, created_at)
          select h.id, ${r.reporter}::text, ${e.at}::timestamptz from h where ${r.reporter}::text is not null
          returning hazard_id
        ), a as (
          ${auditInsert(r.audit, sql`(select id::text from h)`)}
        )
        select h.*, g.name as region_name, o.name as enterprise_name, null::text as department_name, exists (select 1 from rep) as has_reporter,
          (select json_agg(${eventJson('ev')}) from ev) as events,
          coalesce((select json_agg(${fileJson} order by f.uploaded_at, f.id) from hf join files f on f.id = hf.file_id), '[]') as files,
          '[]'::json as accountability
        from h join regions g on g.code = h.region_code left join orgs o on o.id = h.enterprise_id`.execute(ex);
      return rows[0]!;
    },

    async update(tx: Executor, id: string, patch: HazardPatch, now: Date): Promise<number> {
      const values: Record<string, unknown> = { ...patch, updated_at: now };
      for (const key of JSON_COLUMNS) if (key in patch) values[key] = patch[key] === null ? null : JSON.stringify(patch[key]);
      const row = await tx
        .updateTable('hazards')
        .set({ ...(values as object), version: sql<number>`version + 1` })
        .where('id', '=', id)
        .returning('version')
        .executeTakeFirstOrThrow();
      return row.version;
    },

    async insertEvent(tx: Executor, event: NewEvent): Promise<string> {
      const row = await tx
        .insertInto('hazard_events')
        .values({ ...event, data: event.data ? JSON.stringify(event.data) : null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async linkFiles(tx: Executor, hazardId: string, eventId: string, fileIds: string[], kind: 'before' | 'after' | 'progress' | 'document'): Promise<void> {
      if (fileIds.length === 0) return;
      await tx.insertInto('hazard_files').values(fileIds.map((file_id) => ({ hazard_id: hazardId, file_id, event_id: eventId, kind })))
        .onConflict((oc) => oc.columns(['hazard_id', 'file_id']).doNothing()).execute();
    },

    async insertAccountability(tx: Executor, row: { hazard_id: string; event_id: string; person: string; person_org: string | null; failure: string; decision: string; decided_by_org_id: string; decided_on: string; created_at: Date }) {
      await tx.insertInto('hazard_accountability').values(row).execute();
    },

    async notify(tx: Executor, rows: { org_id: string; hazard_id: string; kind: string; title: string; created_at: Date }[]): Promise<void> {
      if (rows.length) await tx.insertInto('notifications').values(rows).execute();
    },

    /** The hazards a file is attached to (whoever may read one of them may read the file). */
    async hazardsWithFile(fileId: string): Promise<string[]> {
      const rows = await db.selectFrom('hazard_files').select('hazard_id').where('file_id', '=', fileId).execute();
      return rows.map((r) => r.hazard_id);
    },
  };
}

export type HazardsRepository = ReturnType<typeof createHazardsRepository>;
