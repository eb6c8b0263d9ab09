import { accidentsCases } from './accidents.cases.js';
import { auditCases } from './audit.cases.js';
import { casesCases } from './cases.cases.js';
import { dutiesCases } from './duties.cases.js';
import { drawsCases } from './draws.cases.js';
import { enterprisesCases } from './enterprises.cases.js';
import { enforcementCases } from './enforcement.cases.js';
import { foundationCases } from './foundation.cases.js';
import { hazardsCases } from './hazards.cases.js';
import { inspectionsCases } from './inspections.cases.js';
import { linksCases } from './links.cases.js';
import type { AccessCase } from './world.js';

/** Every module's access cases; the coverage test fails for any API route missing here. */
export const allCases: AccessCase[] = [...foundationCases, ...enterprisesCases, ...hazardsCases, ...accidentsCases, ...dutiesCases, ...drawsCases, ...inspectionsCases, ...auditCases, ...casesCases, ...enforcementCases, ...linksCases];
