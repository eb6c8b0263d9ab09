import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { InspectionStatus, InspectionType } from '@anjian/domain';
import type { Scope } from '../../platform/access/scope.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { checklistVisible, inspectionVisible } from './inspections.scope.js';

export interface InspectionFilter {
  type?: InspectionType;
  status?: InspectionStatus;
  enterpriseId?: string;
  memberId?: string;
}

export interface SummaryRow {
  id: string; type: InspectionType; status: InspectionStatus; enterprise_id: string; enterprise_name: string; region_code: string; industry_code: string; org_name: string;
  inspected_on: string; recorded_at: Date | null; team: { userId: string; name: string; signedAt: string | null }[]; failed_count: number; major_count: number; hazard_count: number;
}

export type ChecklistItemRow = { key: string; text: string; basis: string; clauseId?: string };

export interface DetailRow extends SummaryRow {
  checklist_id: string; checklist_title: string; checklist_version: number; checklist_items: ChecklistItemRow[];
  draw_pair_id: string | null; order_case_id: string | null; summary: string | null; recorder_id: string; recorder_name: string; org_id: string;
  enterprise_signature: { name: string; title: string | null; imageFileId: string | null; at: string } | null; version: number;
  results: { itemKey: string; result: 'pass' | 'fail' | 'na'; note: string | null; photos: string[]; hazardId: string | null; level: string | null; criterionClause: string | null }[];
  events: { action: string; actorName: string; at: string; fromStatus: string | null; toStatus: string }[];
}

export interface ChecklistRow {
  id: string; region_code: string; industry_code: string; industry_name: string; version: number; title: string; items: ChecklistItemRow[];
  supersedes_id: string | null; published_at: Date; published_by: string; current: boolean;
}

const SUMMARY = sql`i.id, i.type, i.status, i.enterprise_id, o.name as enterprise_name, i.region_code, i.industry_code, org.name as org_name,
  i.inspected_on, i.recorded_at,
  (select coalesce(json_agg(json_build_object('userId', m.user_id, 'name', m.name, 'signedAt', m.signature->>'signedAt') order by m.position), '[]') from inspection_members m where m.inspection_id = i.id) as team,
  (select count(*)::int from inspection_results r where r.inspection_id = i.id and r.result = 'fail') as failed_count,
  (select count(*)::int from inspection_results r join hazards hz on hz.id = r.hazard_id where r.inspection_id = i.id and hz.level = 'major') as major_count,
  (select count(r.hazard_id)::int from inspection_results r where r.inspection_id = i.id) as hazard_count`;

const FROM = sql`inspections i join orgs o on o.id = i.enterprise_id join orgs org on org.id = i.org_id`;

const CHECKLIST = sql`c.id, c.region_code, c.industry_code, coalesce(ind.name_zh, c.industry_code) as industry_name, c.version, c.title, c.items, c.supersedes_id, c.published_at, c.published_by,
  not exists (select 1 from inspection_checklists n where n.supersedes_id = c.id) as current`;

const and = (conditions: RawBuilder<SqlBool>[]) => sql.join(conditions, sql` and `);

export function createInspectionsRepository(db: Database) {
  return {
    async page(scope: Scope, f: InspectionFilter, limit: number, after: (string | number | null)[] | null): Promise<SummaryRow[]> {
      const where: RawBuilder<SqlBool>[] = [inspectionVisible(scope)];
      if (f.type) where.push(sql<SqlBool>`i.type = ${f.type}`);
      if (f.status) where.push(sql<SqlBool>`i.status = ${f.status}`);
      if (f.enterpriseId) where.push(sql<SqlBool>`i.enterprise_id = ${f.enterpriseId}::uuid`);
      if (f.memberId) where.push(sql<SqlBool>`exists (select 1 from inspection_members m where m.inspection_id = i.id and m.user_id = ${f.memberId}::uuid)`);
      if (after) where.push(sql<SqlBool>`(i.inspected_on, i.id) < (${after[0]}::date, ${after[1]}::uuid)`);
      const { rows } = await sql<SummaryRow>`select ${SUMMARY} from ${FROM} where ${and(where)} order by i.inspected_on desc, i.id desc limit ${limit + 1}`.execute(db);
      return rows;
    },

    async detail(scope: Scope, id: string, ex: Executor = db): Promise<DetailRow | null> {
      const { rows } = await sql<DetailRow>`
        select ${SUMMARY}, i.checklist_id, c.title as checklist_title, c.version as checklist_version, c.items as checklist_items,
          i.draw_pair_id, i.order_case_id, i.summary, i.recorder_id, u.display_name as recorder_name, i.org_id, i.enterprise_signature, i.version,
          (select coalesce(json_agg(json_build_object('itemKey', r.item_key, 'result', r.result, 'note', r.note, 'photos', r.photos, 'hazardId', r.hazard_id::text,
             'level', hz.level, 'criterionClause', hz.criterion_clause)), '[]') from inspection_results r left join hazards hz on hz.id = r.hazard_id where r.inspection_id = i.id) as results,
          (select coalesce(json_agg(json_build_object('action', e.action, 'actorName', e.actor_name, 'at', e.at, 'fromStatus', e.from_status, 'toStatus', e.to_status) order by e.seq), '[]')
             from inspection_events e where e.inspection_id = i.id) as events
        from ${FROM} join inspection_checklists c on c.id = i.checklist_id join users u on u.id = i.recorder_id
        where i.id = ${id}::uuid and ${inspectionVisible(scope)}`.execute(ex);
      return rows[0] ?? null;
    },

    /** Loads a visible inspection and locks it: concurrent acts on one record queue up here. */
    async lockVisible(tx: Executor, id: string, scope: Scope) {
      return (await tx.selectFrom('inspections as i').selectAll('i').where('i.id', '=', id).where(inspectionVisible(scope)).forUpdate().executeTakeFirst()) ?? null;
    },

    async members(ex: Executor, inspectionId: string) {
      return ex.selectFrom('inspection_members').select(['user_id', 'name', 'signature']).where('inspection_id', '=', inspectionId).orderBy('position').execute();
    },

    async results(ex: Executor, inspectionId: string) {
      return ex.selectFrom('inspection_results').selectAll().where('inspection_id', '=', inspectionId).execute();
    },

    async checklists(scope: Scope, industryCode: string | undefined, includeSuperseded: boolean): Promise<ChecklistRow[]> {
      const where: RawBuilder<SqlBool>[] = [checklistVisible(scope)];
      if (industryCode) where.push(sql<SqlBool>`c.industry_code = ${industryCode}`);
      if (!includeSuperseded) where.push(sql<SqlBool>`not exists (select 1 from inspection_checklists n where n.supersedes_id = c.id)`);
      const { rows } = await sql<ChecklistRow>`select ${CHECKLIST} from inspection_checklists c left join industries ind on ind.code = c.industry_code
        where ${and(where)} order by c.industry_code, c.region_code, c.version desc`.execute(db);
      return rows;
    },

    async checklist(scope: Scope, id: string, ex: Executor = db): Promise<ChecklistRow | null> {
      const { rows } = await sql<ChecklistRow>`select ${CHECKLIST} from inspection_checklists c left join industries ind on ind.code = c.industry_code
        where c.id = ${id}::uuid and ${checklistVisible(scope)}`.execute(ex);
      return rows[0] ?? null;
    },

    /** The latest version a region issued for an industry, locked so two publications cannot both take the next number. */
    async latestOwnVersion(tx: Executor, regionCode: string, industryCode: string) {
      await sql`select pg_advisory_xact_lock(hashtext(${`checklist:${regionCode}:${industryCode}`}))`.execute(tx);
      return (await tx.selectFrom('inspection_checklists').select(['id', 'version']).where('region_code', '=', regionCode).where('industry_code', '=', industryCode)
        .orderBy('version', 'desc').limit(1).executeTakeFirst()) ?? null;
    },

    async insertEvent(tx: Executor, e: { inspection_id: string; seq: number; action: string; from_status: string | null; to_status: string; actor_id: string; actor_name: string; at: Date; data: Record<string, unknown> | null }) {
      await tx.insertInto('inspection_events').values({ ...e, data: e.data ? JSON.stringify(e.data) : null }).execute();
    },

    async linkFiles(tx: Executor, inspectionId: string, fileIds: string[], kind: 'photo' | 'signature') {
      if (fileIds.length === 0) return;
      await tx.insertInto('inspection_files').values(fileIds.map((file_id) => ({ inspection_id: inspectionId, file_id, kind })))
        .onConflict((oc) => oc.columns(['inspection_id', 'file_id']).doNothing()).execute();
    },

    /** The inspections a file hangs on (whoever may read one of them may read the file). */
    async inspectionsWithFile(fileId: string): Promise<string[]> {
      return (await db.selectFrom('inspection_files').select('inspection_id').where('file_id', '=', fileId).execute()).map((r) => r.inspection_id);
    },
  };
}

export type InspectionsRepository = ReturnType<typeof createInspectionsRepository>;
