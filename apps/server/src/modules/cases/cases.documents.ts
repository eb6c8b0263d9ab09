import { DOCUMENT_INFO, documentNumber, documentPrefix, shanghaiDate, type DocumentKind, type Measure } from '@anjian/domain';
import type { Executor, Tx } from '../../platform/db/database.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { AppError } from '../../platform/errors.js';
import type { DocumentParty } from '../enterprises/index.js';
import { documentLayout } from './cases.document-content.js';
import { renderDocument } from './cases.pdf.js';
import type { InspectionLinks } from './cases.links.js';
import { toMeasure, type CaseRow, type CasesRepository, type DocumentRow } from './cases.repository.js';

export interface DocumentDeps {
  repo: CasesRepository;
  storage: FileStorage;
  party: (db: Executor, enterpriseId: string) => Promise<DocumentParty | null>;
  /** The case's 复查 inspections (the 整改复查意见书 cites the latest signed one); none given: none cited. */
  reinspectionsOf?: InspectionLinks['reinspectionsOf'];
}

/**
 * Which documents a case can produce now: the notice once notified, the decisions once decided
 * (each only when the decision holds its measure), the inspection record and the re-inspection
 * opinion from the facts at any time after filing.
 */
export function documentAvailable(kind: DocumentKind, c: CaseRow, decided: readonly Measure[]): boolean {
  const has = (k: Measure['kind']) => decided.some((m) => m.kind === k);
  switch (kind) {
    case 'inspection_record': return true;
    case 'reinspection_opinion': return has('rectify_order');
    case 'penalty_notice': return c.notified_on !== null;
    case 'penalty_decision': return c.decided_on !== null && decided.some((m) => ['fine', 'confiscate', 'license', 'close', 'suspend'].includes(m.kind));
    case 'rectify_order': return c.decided_on !== null && has('rectify_order');
    case 'suspension_decision': return c.decided_on !== null && has('suspend');
  }
}

/** The documents a decision produces by itself, in the order they are printed. */
export function decisionDocuments(decided: readonly Measure[]): DocumentKind[] {
  const kinds: DocumentKind[] = [];
  if (decided.some((m) => ['fine', 'confiscate', 'license', 'close', 'suspend'].includes(m.kind))) kinds.push('penalty_decision');
  if (decided.some((m) => m.kind === 'suspend')) kinds.push('suspension_decision');
  if (decided.some((m) => m.kind === 'rectify_order')) kinds.push('rectify_order');
  return kinds;
}

/**
 * Numbers, renders and stores one document, inside the caller's transaction: the number is
 * taken from the organisation's series (gap-free: a failed render rolls the number back), the
 * PDF is written to the content-addressed store, and its SHA-256 is kept with the case.
 */
export function createDocumentGenerator(deps: DocumentDeps) {
  return async function generate(tx: Tx, c: CaseRow, kind: DocumentKind, by: { id: string }, now: Date): Promise<DocumentRow> {
    const decided = (await deps.repo.measures(tx, [c.id])).map(toMeasure);
    if (!documentAvailable(kind, c, decided)) {
      throw new AppError('RULE_VIOLATION', { reason: { zh: `本案当前不能制作${DOCUMENT_INFO[kind].title.zh}`, en: `the case cannot produce a ${DOCUMENT_INFO[kind].title.en} now` } },
        [{ field: 'body.kind', reason: 'not_available', message: { zh: `${DOCUMENT_INFO[kind].title.zh}尚不具备制作条件`, en: 'not available in this state' } }]);
    }
    const started = performance.now();
    const today = shanghaiDate(now);
    const year = Number(today.slice(0, 4));
    const regionName = await deps.repo.regionName(tx, c.org_region_code);
    const number = documentNumber(documentPrefix(regionName, c.org_name), kind, year, await deps.repo.nextNumber(tx, c.org_id, kind, year));
    const party = (await deps.party(tx, c.enterprise_id)) ?? { name: c.enterprise_name, uscc: '', address: '', legalRepresentative: '', principal: '' };
    // The 复查 the opinion reports: the latest signed one of this case's order.
    const reinspection = kind === 'reinspection_opinion' && deps.reinspectionsOf
      ? (await deps.reinspectionsOf(tx, c.id, null)).filter((r) => r.status !== 'draft').at(-1) ?? null : null;
    const layout = documentLayout({
      kind, number, caseNumber: c.number, issuer: c.org_name, government: `${regionName}人民政府`, party, cause: c.cause, facts: c.facts,
      filedOn: c.filed_on, notifiedOn: c.notified_on, hearingRight: c.hearing_right,
      measures: decided.length > 0 ? decided : c.proposed_measures, today,
      reinspection: reinspection ? { inspectedOn: reinspection.inspectedOn, summary: reinspection.summary, failedCount: reinspection.failedCount, majorCount: reinspection.majorCount, orgName: reinspection.orgName } : null,
    });
    const bytes = await renderDocument(layout, now);
    const sha256 = await deps.storage.put(bytes);
    const file = await tx.insertInto('files').values({ sha256, mime: 'application/pdf', size: bytes.length, name: `${DOCUMENT_INFO[kind].title.zh}-${number}.pdf`, uploaded_by: by.id, uploaded_at: now })
      .returning('id').executeTakeFirstOrThrow();
    return tx.insertInto('case_documents').values({
      case_id: c.id, kind, number, file_id: file.id, sha256, size: bytes.length, generated_at: now, generated_by: by.id, generated_ms: Math.round(performance.now() - started),
    }).returningAll().executeTakeFirstOrThrow();
  };
}

export type GenerateDocument = ReturnType<typeof createDocumentGenerator>;
