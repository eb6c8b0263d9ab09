import type { z } from 'zod';
import {
  addDays, type CASE_ACTION_BODIES, compareDates, decisionTimingProblems, hearingRight, heavierThanNotified, HEARING_REQUEST_DAYS, measureProblems, recheckSchedule,
  caseDueOn, type CaseAction, type Measure,
} from '@anjian/domain';
import type { OrderEnterpriseStatus } from '../enterprises/index.js';
import { caseRuleError, problem } from './cases.errors.js';
import { decisionDocuments, type GenerateDocument } from './cases.documents.js';
import { toMeasure, type CasesRepository } from './cases.repository.js';
import type { CaseActContext, CaseActOutcome, CaseHandler } from './cases.workflow.js';

type Body<A extends CaseAction> = z.infer<(typeof CASE_ACTION_BODIES)[A]>;

export interface HandlerDeps {
  repo: CasesRepository;
  generate: GenerateDocument;
  orderStatus: OrderEnterpriseStatus;
}

/** A date the actor states: not in the future, not before `after` (named by `field`). */
function dateProblems(field: string, date: string, today: string, after: string | null, afterName: string) {
  if (compareDates(date, today) > 0) return [problem(field, 'in_future', '日期不能晚于今天', 'the date cannot be in the future')];
  if (after !== null && compareDates(date, after) < 0) return [problem(field, 'too_early', `日期不能早于${afterName}（${after}）`, `the date cannot be before ${after}`)];
  return [];
}

const asMeasures = (ms: Body<'decide'>['measures']): Measure[] => ms.map((m) => ({ ...m, legalBasis: m.legalBasis ?? '' }));

export function createCaseHandlers(deps: HandlerDeps): Record<CaseAction, CaseHandler> {
  const handlers: { [A in CaseAction]: (c: CaseActContext, body: Body<A>) => Promise<CaseActOutcome> } = {
    investigate: async (_c, b) => ({ comment: b.comment ?? null }),

    submit_review: async (_c, b) => {
      const measures = asMeasures(b.measures);
      const problems = measureProblems(measures);
      if (problems.length) throw caseRuleError(problems);
      return { patch: { facts: b.facts, proposed_measures: JSON.stringify(measures) }, comment: b.comment ?? null, data: { measures } };
    },

    return_investigation: async (_c, b) => ({ comment: b.reason }),

    notify: async (c, b) => {
      const on = b.notifiedOn ?? c.today;
      const problems = [...dateProblems('notifiedOn', on, c.today, c.row.filed_on, '立案日期'), ...measureProblems(c.row.proposed_measures, 'proposedMeasures')];
      if (problems.length) throw caseRuleError(problems);
      const right = hearingRight(c.row.proposed_measures);
      return {
        patch: { notified_on: on, hearing_right: right, response: JSON.stringify({ waived: false, hearingRequested: false, hearingHeld: false }) },
        comment: b.comment ?? null, data: { notifiedOn: on, hearingRight: right },
        after: async (row) => { await deps.generate(c.tx, row, 'penalty_notice', c.user, c.now); },
      };
    },

    record_response: async (c, b) => {
      const r = { ...c.row.response };
      const on = b.on ?? c.today;
      const problems = dateProblems('on', on, c.today, c.row.notified_on, '告知日期');
      if (b.kind === 'waiver') r.waived = true;
      if (b.kind === 'hearing_request') {
        if (!c.row.hearing_right) problems.push(problem('kind', 'no_hearing_right', '拟作出的处罚不属于听证范围（《行政处罚法》第六十三条）', 'the proposed penalty gives no right to a hearing (art. 63)'));
        else if (compareDates(on, addDays(c.row.notified_on!, HEARING_REQUEST_DAYS)) > 0) problems.push(problem('on', 'hearing_request_late', `听证应在告知后${HEARING_REQUEST_DAYS}日内提出`, `a hearing must be asked for within ${HEARING_REQUEST_DAYS} days of the notice`));
        r.hearingRequested = true;
      }
      if (b.kind === 'hearing_held') {
        if (!r.hearingRequested) problems.push(problem('kind', 'no_hearing_requested', '当事人未申请听证', 'the party has not asked for a hearing'));
        r.hearingHeld = true;
      }
      if (problems.length) throw caseRuleError(problems);
      return { patch: { response: JSON.stringify(r) }, comment: b.content, data: { kind: b.kind, on } };
    },

    decide: async (c, b) => {
      const measures = asMeasures(b.measures);
      const on = b.decidedOn ?? c.today;
      const problems = [
        ...measureProblems(measures),
        ...heavierThanNotified(measures, c.row.proposed_measures),
        ...decisionTimingProblems({ notifiedOn: c.row.notified_on!, hearingRight: c.row.hearing_right }, c.row.response, on),
        ...dateProblems('decidedOn', on, c.today, c.row.notified_on, '告知日期'),
      ];
      if (problems.length) throw caseRuleError(problems);
      const due = caseDueOn({ status: c.row.status as 'notified', filedOn: c.row.filed_on, extensionDays: c.row.extension_days });
      return {
        patch: { decided_on: on }, comment: b.comment ?? null,
        data: { measures, decidedOn: on, lastDayInTime: due, late: due !== null && compareDates(on, due) > 0 },
        after: async (row) => {
          await deps.repo.replaceMeasures(c.tx, row.id, measures);
          // 停产整顿: the enterprise is suspended by the same transaction that records the decision.
          if (measures.some((m) => m.kind === 'suspend')) await deps.orderStatus(c.tx, c.ctx, row.enterprise_id, 'suspended', `${row.number} 责令停产停业整顿`);
          for (const kind of decisionDocuments(measures)) await deps.generate(c.tx, row, kind, c.user, c.now);
        },
      };
    },

    serve: async (c, b) => {
      const problems = dateProblems('servedOn', b.servedOn, c.today, c.row.decided_on, '决定日期');
      if (problems.length) throw caseRuleError(problems);
      return { patch: { served_on: b.servedOn }, comment: `${b.recipient} 签收`, data: { method: b.method, recipient: b.recipient } };
    },

    execute: async (c, b) => {
      const measures = (await deps.repo.measures(c.tx, [c.row.id])).map(toMeasure);
      const due = measures.filter((m) => m.kind === 'fine' || m.kind === 'confiscate').reduce((s, m) => s + (m.amountFen ?? 0), 0);
      const on = b.paidOn ?? c.today;
      const problems = dateProblems('paidOn', on, c.today, c.row.served_on, '送达日期');
      if (b.paidFen > due) problems.push(problem('paidFen', 'more_than_decided', `缴纳金额超过决定金额（${due} 分）`, `more than the decided ${due} fen`));
      if (problems.length) throw caseRuleError(problems);
      const closes = measures.some((m) => m.kind === 'close');
      return {
        patch: { executed_on: on, paid_fen: b.paidFen }, comment: b.note, data: { paidFen: b.paidFen, dueFen: due, paidOn: on, closed: closes },
        after: async (row) => {
          if (!closes) return;
          // 关闭取缔 carried out: final, and the site is re-checked every quarter for a year.
          await deps.orderStatus(c.tx, c.ctx, row.enterprise_id, 'closed', `${row.number} 依法关闭`);
          await c.tx.insertInto('closure_rechecks').values(recheckSchedule(on).map((d) => ({
            enterprise_id: row.enterprise_id, enterprise_name: row.enterprise_name, region_code: row.region_code, industry_code: row.industry_code, case_id: row.id, due_on: d,
          }))).execute();
        },
      };
    },

    close: async (c, b) => ({ patch: { closed_on: c.today }, comment: b.comment ?? null }),
    no_penalty: async (c, b) => ({ patch: { closed_on: c.today, outcome_reason: `${b.reason}（依据：${b.legalBasis}）` }, comment: b.reason, data: { legalBasis: b.legalBasis } }),
    revoke: async (c, b) => ({ patch: { closed_on: c.today, outcome_reason: b.reason }, comment: b.reason }),
    transfer: async (c, b) => ({ patch: { closed_on: c.today, outcome_reason: `移送${b.organ}：${b.reason}` }, comment: b.reason, data: { organ: b.organ } }),

    extend: async (c, b) => {
      const facts = { status: c.row.status as 'filed', filedOn: c.row.filed_on, extensionDays: c.row.extension_days };
      const before = caseDueOn(facts);
      const after = caseDueOn({ ...facts, extensionDays: facts.extensionDays + b.days });
      return { patch: { extension_days: c.row.extension_days + b.days }, comment: b.reason, data: { days: b.days, approver: b.approver, dueOnBefore: before, dueOnAfter: after } };
    },
  };
  return handlers as unknown as Record<CaseAction, CaseHandler>;
}
