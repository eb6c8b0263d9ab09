import {
  ACCIDENT_CATEGORY_DEFINITIONS,
  ACCIDENT_GRADE_LABELS,
  accidentClocks,
  applySupplements,
  CLOCK_STATUS_LABELS,
  ESCALATION_LEVEL_LABELS,
  escalationPath,
  FOUR_NOT_LET_GO,
  FOUR_NOT_LET_GO_LABELS,
  gradeAccident,
  lastInstantOf,
  type Accident,
  type AccidentCategory,
  type AccidentClockView,
  type AccidentDetail,
  type CasualtyFigures,
  type EscalationLevel,
  type LegalClock,
  type NamedFigures,
  type SupplementedAccident,
} from '@anjian/domain';
import { toNumber } from '../../platform/db/database.js';
import type { SessionUser } from '../../platform/http/context.js';
import { accidentActions, closeProblems } from './accidents.policy.js';
import type { AccidentRow, AccountabilityRow, EscalationRow, SupplementRow } from './accidents.repository.js';

type FigureColumns = { deaths: number; missing: number; serious_injuries: number; minor_injuries: number; direct_loss_yuan: string };
type NamedColumns = { [K in keyof FigureColumns]: FigureColumns[K] | null };

export function figuresOf(c: FigureColumns): CasualtyFigures {
  return { deaths: c.deaths, missing: c.missing, seriousInjuries: c.serious_injuries, minorInjuries: c.minor_injuries, directLossYuan: c.direct_loss_yuan };
}

/** The figures a supplement row named (its null columns were not named). */
function namedOf(c: NamedColumns): NamedFigures {
  const named: NamedFigures = {};
  if (c.deaths !== null) named.deaths = c.deaths;
  if (c.missing !== null) named.missing = c.missing;
  if (c.serious_injuries !== null) named.seriousInjuries = c.serious_injuries;
  if (c.minor_injuries !== null) named.minorInjuries = c.minor_injuries;
  if (c.direct_loss_yuan !== null) named.directLossYuan = c.direct_loss_yuan;
  return named;
}

function initialColumns(row: AccidentRow): FigureColumns {
  return {
    deaths: row.initial_deaths, missing: row.initial_missing, serious_injuries: row.initial_serious_injuries,
    minor_injuries: row.initial_minor_injuries, direct_loss_yuan: row.initial_direct_loss_yuan,
  };
}

function resultColumns(s: SupplementRow): FigureColumns {
  return {
    deaths: s.result_deaths, missing: s.result_missing, serious_injuries: s.result_serious_injuries,
    minor_injuries: s.result_minor_injuries, direct_loss_yuan: s.result_direct_loss_yuan,
  };
}

/**
 * The accident's figures from its initial report and supplements (applySupplements): what the
 * supplement service stores as the current figures, and what the clocks are computed from.
 */
export function supplementedFigures(
  row: AccidentRow,
  supplements: readonly (NamedColumns & { changed_at: Date; reported_at: Date })[],
): SupplementedAccident {
  return applySupplements(figuresOf(initialColumns(row)), row.occurred_at, row.category as AccidentCategory,
    supplements.map((s) => ({ changedAt: s.changed_at, reportedAt: s.reported_at, named: namedOf(s) })));
}

function namedView(c: NamedColumns) {
  const { directLossYuan, ...people } = namedOf(c);
  return { ...people, ...(directLossYuan === undefined ? {} : { directLossYuan: toNumber(String(directLossYuan)) }) };
}

function figuresView(c: FigureColumns) {
  return {
    deaths: c.deaths, missing: c.missing, deathsIncludingMissing: c.deaths + c.missing, seriousInjuries: c.serious_injuries,
    minorInjuries: c.minor_injuries, directLossYuan: toNumber(c.direct_loss_yuan),
  };
}

function gradeView(c: FigureColumns) {
  const result = gradeAccident(figuresOf(c));
  return { code: result.grade, label: ACCIDENT_GRADE_LABELS[result.grade], decidedBy: result.decidedBy };
}

function clockView(c: LegalClock): AccidentClockView {
  return {
    key: c.key, label: c.label, unit: c.unit, dueAt: c.dueAt.toISOString(), dueDate: c.dueDate, doneAt: c.doneAt?.toISOString() ?? null,
    status: c.status, statusLabel: CLOCK_STATUS_LABELS[c.status], remainingMs: c.remainingMs, overdueMs: c.overdueMs,
  };
}

/** The history the clocks and the figures are recomputed from. */
export interface AccidentHistory {
  supplements: SupplementRow[];
  escalations: EscalationRow[];
}

function clocksOf(row: AccidentRow, history: AccidentHistory, now: Date) {
  const category = row.category as AccidentCategory;
  // The grade each supplement led to, from the merged figures as applySupplements folds them.
  const applied = supplementedFigures(row, history.supplements);
  const escalatedAt: Partial<Record<EscalationLevel, Date>> = {};
  for (const e of history.escalations) escalatedAt[e.level as EscalationLevel] = e.received_at;
  const c = accidentClocks({
    occurredAt: row.occurred_at,
    category,
    initialGrade: gradeAccident(figuresOf(initialColumns(row))).grade,
    reportedAt: row.reported_at,
    escalatedAt,
    supplements: applied.history.map((h) => ({ changedAt: h.changedAt, reportedAt: h.reportedAt, grade: h.grade.grade })),
    investigation: {
      extended: row.inv_extended ?? false,
      reportSubmittedAt: row.inv_report_submitted_on ? lastInstantOf(row.inv_report_submitted_on) : null,
      decidedAt: row.inv_decided_on ? lastInstantOf(row.inv_decided_on) : null,
      decisionExtended: row.inv_decision_extended ?? false,
    },
  }, now);
  const duties = [c.initialReport, ...c.escalations, c.investigationReport, ...(c.governmentDecision ? [c.governmentDecision] : [])];
  const open = duties.filter((d) => d.status === 'running' || d.status === 'overdue').sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const pending = escalationPath(c.grade).some((level) => escalatedAt[level] === undefined);
  return {
    view: {
      escalationTarget: c.escalationTarget,
      escalationTargetLabel: ESCALATION_LEVEL_LABELS[c.escalationTarget],
      initialReport: clockView(c.initialReport),
      escalations: c.escalations.map(clockView),
      supplementWindow: clockView(c.supplementWindow),
      investigationReport: clockView(c.investigationReport),
      governmentDecision: c.governmentDecision ? clockView(c.governmentDecision) : null,
      next: open[0] ? clockView(open[0]) : null,
      flags: c.flags,
    },
    escalationPending: pending,
  };
}

export function presentAccident(row: AccidentRow, history: AccidentHistory, user: SessionUser, now: Date): Accident {
  const category = row.category as AccidentCategory;
  const clocks = clocksOf(row, history, now);
  const closed = row.inv_closed_at !== null;
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    occurredOn: row.occurred_on,
    region: { code: row.region_code, name: row.region_name },
    place: row.place,
    enterprise: row.enterprise_id ? { id: row.enterprise_id, name: row.enterprise_name ?? '' } : null,
    industry: row.industry_code ? { code: row.industry_code, name: row.industry_name ?? row.industry_code } : null,
    category: { code: category, label: ACCIDENT_CATEGORY_DEFINITIONS[category].label, supplementDays: ACCIDENT_CATEGORY_DEFINITIONS[category].supplementDays },
    figures: figuresView(row),
    grade: gradeView(row),
    initialFigures: figuresView(initialColumns(row)),
    initialGrade: gradeView(initialColumns(row)),
    summary: row.summary,
    cause: row.cause,
    reportedAt: row.reported_at.toISOString(),
    reportedBy: { id: row.reported_by, name: row.reporter_name },
    reporterOrg: { id: row.reporter_org_id, name: row.reporter_org_name },
    investigationClosed: closed,
    clocks: clocks.view,
    actions: accidentActions(user, { closed, escalationPending: clocks.escalationPending }),
  };
}

export function presentDetail(row: AccidentRow, history: AccidentHistory, accountability: AccountabilityRow[], user: SessionUser, now: Date): AccidentDetail {
  const checklist = row.inv_checklist ?? {};
  return {
    ...presentAccident(row, history, user, now),
    supplements: history.supplements.map((s) => ({
      id: s.id, version: s.version, changedAt: s.changed_at.toISOString(), reportedAt: s.reported_at.toISOString(),
      named: namedView(s), figures: figuresView(resultColumns(s)), grade: gradeView(resultColumns(s)),
      counted: s.counted, note: s.note, recordedBy: { id: s.recorded_by, name: s.recorded_by_name }, recordedAt: s.recorded_at.toISOString(),
    })),
    escalations: history.escalations.map((e) => ({
      level: e.level as EscalationLevel, label: ESCALATION_LEVEL_LABELS[e.level as EscalationLevel], receivedAt: e.received_at.toISOString(),
      recordedBy: { id: e.recorded_by, name: e.recorded_by_name }, recordedAt: e.recorded_at.toISOString(),
    })),
    investigation: {
      reportSubmittedOn: row.inv_report_submitted_on,
      extended: row.inv_extended ?? false,
      decidedOn: row.inv_decided_on,
      decisionExtended: row.inv_decision_extended ?? false,
      liability: row.inv_liability,
      checklist: FOUR_NOT_LET_GO.map((key) => ({ key, label: FOUR_NOT_LET_GO_LABELS[key], done: checklist[key] === true })),
      conclusion: row.inv_conclusion,
      closedAt: row.inv_closed_at?.toISOString() ?? null,
      closedBy: row.inv_closed_by ? { id: row.inv_closed_by, name: row.inv_closed_by_name ?? '' } : null,
      closeProblems: closeProblems({ decidedOn: row.inv_decided_on, liability: row.inv_liability, checklist, closed: row.inv_closed_at !== null }, accountability.length),
    },
    accountability: accountability.map((a) => ({
      id: a.id, person: a.person, position: a.position, org: a.org_name, failure: a.failure, decision: a.decision,
      recordedBy: { id: a.recorded_by, name: a.recorded_by_name }, recordedAt: a.recorded_at.toISOString(),
    })),
  };
}
