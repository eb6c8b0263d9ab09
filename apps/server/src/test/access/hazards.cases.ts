import type { AccessCase } from './world.js';

/** Access cases for the hazards module's routes. */
export const hazardsCases: AccessCase[] = [];
