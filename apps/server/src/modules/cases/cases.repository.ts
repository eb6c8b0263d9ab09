import { sql, type Selectable, type Updateable } from 'kysely';
import type { Measure, MeasureKind } from '@anjian/domain';
import type { Scope } from '../../platform/access/scope.js';
import type { Executor, Tx } from '../../platform/db/database.js';
import { CASE } from './cases.scope.js';
import type { CaseDocumentsTable, CaseEventsTable, CaseMeasuresTable, CasesTable } from './cases.tables.js';

export type CaseRow = Selectable<CasesTable>;
export type MeasureRow = Selectable<CaseMeasuresTable>;
export type EventRow = Selectable<CaseEventsTable>;
export type DocumentRow = Selectable<CaseDocumentsTable>;
export type CasePatch = Omit<Updateable<CasesTable>, 'id' | 'version' | 'created_at'>;

export const toMeasure = (m: MeasureRow): Measure & { id: string } => ({
  id: m.id, kind: m.kind as MeasureKind, legalBasis: m.legal_basis, amountFen: m.amount_fen === null ? null : Number(m.amount_fen),
  deadline: m.deadline, licence: m.licence, licenceAction: m.licence_action as 'suspend' | 'revoke' | null, content: m.content,
});

export function createCasesRepository() {
  return {
    /** The next number of an organisation's series (案号 'case', or a document kind) in a year; gap-free, serialised by the row lock. */
    async nextNumber(tx: Tx, orgId: string, kind: string, year: number): Promise<number> {
      const row = await sql<{ last: number }>`
        insert into case_number_seq (org_id, kind, year, last) values (${orgId}, ${kind}, ${year}, 1)
        on conflict (org_id, kind, year) do update set last = case_number_seq.last + 1
        returning last`.execute(tx);
      return row.rows[0]!.last;
    },

    async get(db: Executor, id: string, scope: Scope): Promise<CaseRow | undefined> {
      return db.selectFrom('cases as c').selectAll('c').where('c.id', '=', id).where(scope.where(CASE)).executeTakeFirst();
    },

    async lockVisible(tx: Tx, id: string, scope: Scope): Promise<CaseRow | undefined> {
      return tx.selectFrom('cases as c').selectAll('c').where('c.id', '=', id).where(scope.where(CASE)).forUpdate().executeTakeFirst();
    },

    async update(tx: Tx, id: string, patch: CasePatch, now: Date): Promise<number> {
      const row = await tx.updateTable('cases').set({ ...patch, updated_at: now, version: sql`version + 1` } as never).where('id', '=', id).returning('version').executeTakeFirstOrThrow();
      return row.version;
    },

    async insertEvent(tx: Tx, e: Omit<Selectable<CaseEventsTable>, 'id' | 'data'> & { data: unknown }): Promise<void> {
      await tx.insertInto('case_events').values({ ...e, data: e.data === null || e.data === undefined ? null : JSON.stringify(e.data) }).execute();
    },

    async replaceMeasures(tx: Tx, caseId: string, measures: readonly Measure[]): Promise<void> {
      await tx.deleteFrom('case_measures').where('case_id', '=', caseId).execute();
      if (measures.length === 0) return;
      await tx.insertInto('case_measures').values(measures.map((m, i) => ({
        case_id: caseId, position: i, kind: m.kind, legal_basis: m.legalBasis.trim(), amount_fen: m.amountFen ?? null, deadline: m.deadline ?? null,
        licence: m.licence ?? null, licence_action: m.licenceAction ?? null, content: m.content ?? null,
      }))).execute();
    },

    async measures(db: Executor, caseIds: readonly string[]): Promise<MeasureRow[]> {
      if (caseIds.length === 0) return [];
      return db.selectFrom('case_measures').selectAll().where('case_id', 'in', caseIds).orderBy('case_id').orderBy('position').execute();
    },

    async events(db: Executor, caseId: string): Promise<EventRow[]> {
      return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
    },

    async documents(db: Executor, caseId: string): Promise<DocumentRow[]> {
      return db.selectFrom('case_documents').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
    },

    async document(db: Executor, caseId: string, documentId: string): Promise<(DocumentRow & { name: string }) | undefined> {
      return db.selectFrom('case_documents as d').innerJoin('files as f', 'f.id', 'd.file_id').selectAll('d').select('f.name')
        .where('d.case_id', '=', caseId).where('d.id', '=', documentId).executeTakeFirst();
    },

    async regionName(db: Executor, code: string): Promise<string> {
      const row = await db.selectFrom('regions').select('name').where('code', '=', code).executeTakeFirst();
      return row?.name ?? '';
    },
  };
}

export type CasesRepository = ReturnType<typeof createCasesRepository>;
