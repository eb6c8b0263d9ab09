import type { AuditHeadTable, AuditLogTable } from '../audit/audit.tables.js';
import type { LoginThrottleTable, SessionsTable } from '../auth/auth.tables.js';
import type { FilesTable } from '../files/files.tables.js';
import type { IndustriesTable } from '../../modules/industries/industries.tables.js';
import type { OrgsTable } from '../../modules/orgs/orgs.tables.js';
import type { RegionsTable } from '../../modules/regions/regions.tables.js';
import type { IndustryRoutesTable } from '../../modules/routing/routing.tables.js';
import type { RolesTable, UserActivationsTable, UserRolesTable, UsersTable } from '../../modules/users/users.tables.js';
import type { EnterprisesTables } from '../../modules/enterprises/enterprises.tables.js';
import type { HazardsTables } from '../../modules/hazards/hazards.tables.js';
import type { AccidentsTables } from '../../modules/accidents/accidents.tables.js';
import type { DrawsTables } from '../../modules/draws/draws.tables.js';
import type { CasesTables } from '../../modules/cases/cases.tables.js';
import type { InspectionsTables } from '../../modules/inspections/inspections.tables.js';

/** The database as Kysely sees it: each module declares its own tables. */
export interface DB extends EnterprisesTables, HazardsTables, AccidentsTables, DrawsTables, InspectionsTables, CasesTables {
  regions: RegionsTable;
  industries: IndustriesTable;
  orgs: OrgsTable;
  industry_routes: IndustryRoutesTable;
  roles: RolesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  user_activations: UserActivationsTable;
  login_throttle: LoginThrottleTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  files: FilesTable;
}
