import { accidentsCases } from './accidents.cases.js';
import { casesCases } from './cases.cases.js';
import { dutiesCases } from './duties.cases.js';
import { enterprisesCases } from './enterprises.cases.js';
import { foundationCases } from './foundation.cases.js';
import { hazardsCases } from './hazards.cases.js';
import type { AccessCase } from './world.js';

/** Every module's access cases; the coverage test fails for any API route missing here. */
export const allCases: AccessCase[] = [...foundationCases, ...enterprisesCases, ...hazardsCases, ...accidentsCases, ...dutiesCases, ...casesCases];
