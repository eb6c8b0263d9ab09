import type { Migration } from 'kysely';
import * as foundation from './2026_11_22_0001_foundation.js';
import * as enterprises from './2026_11_22_0002_enterprises.js';
import * as hazards from './2026_11_22_0003_hazards.js';
import * as accidents from './2026_11_22_0004_accidents.js';
import * as performance from './2026_11_22_0005_performance.js';
import * as hazardStats from './2026_11_22_0006_hazard_stats.js';
import * as auditChainer from './2026_11_22_0007_audit_chainer.js';
import * as hazardChanges from './2026_12_05_0008_hazard_changes.js';
import * as countyStats from './2026_12_05_0009_county_stats.js';
import * as ledgerDue from './2026_12_05_0010_ledger_due.js';
import * as majorRecent from './2026_12_05_0011_major_recent.js';
import * as reviewDrawScope from './2026_12_07_0012_review_draw_scope.js';
import * as auditKeyed from './2026_12_07_0012a_audit_keyed.js';
import * as hazardsBulkLog from './2026_12_07_0012a_hazards_bulk_log.js';
import * as roles from './2026_12_07_0012a_roles.js';
import * as dutiesAndPersonalData from './2026_12_07_0012b_duties_and_personal_data.js';
import * as hazardClock from './2026_12_07_0012c_hazard_clock.js';
import * as supplementVersions from './2026_12_07_0012d_supplement_versions.js';
import * as hazardsReportedBy from './2026_12_07_0013a_hazards_reported_by.js';
import * as draws from './2026_12_07_0014a_draws.js';
import * as inspections from './2026_12_07_0014b_inspections.js';
import * as cases from './2026_12_07_0014c_cases.js';
import * as links from './2026_12_07_0015a_links.js';
import * as rollupsInImport from './2026_12_07_0015d_rollups_in_import.js';

/** Every migration, in order. A static list keeps the build self-contained. */
export const migrations: Record<string, Migration> = {
  '2026_11_22_0001_foundation': foundation,
  '2026_11_22_0002_enterprises': enterprises,
  '2026_11_22_0003_hazards': hazards,
  '2026_11_22_0004_accidents': accidents,
  '2026_11_22_0005_performance': performance,
  '2026_11_22_0006_hazard_stats': hazardStats,
  '2026_11_22_0007_audit_chainer': auditChainer,
  '2026_12_05_0008_hazard_changes': hazardChanges,
  '2026_12_05_0009_county_stats': countyStats,
  '2026_12_05_0010_ledger_due': ledgerDue,
  '2026_12_05_0011_major_recent': majorRecent,
  '2026_12_07_0012_review_draw_scope': reviewDrawScope,
  '2026_12_07_0012a_audit_keyed': auditKeyed,
  '2026_12_07_0012a_hazards_bulk_log': hazardsBulkLog,
  '2026_12_07_0012a_roles': roles,
  '2026_12_07_0012b_duties_and_personal_data': dutiesAndPersonalData,
  '2026_12_07_0012c_hazard_clock': hazardClock,
  '2026_12_07_0012d_supplement_versions': supplementVersions,
  '2026_12_07_0013a_hazards_reported_by': hazardsReportedBy,
  '2026_12_07_0014a_draws': draws,
  '2026_12_07_0014b_inspections': inspections,
  '2026_12_07_0014c_cases': cases,
  '2026_12_07_0015a_links': links,
  '2026_12_07_0015d_rollups_in_import': rollupsInImport,
};
