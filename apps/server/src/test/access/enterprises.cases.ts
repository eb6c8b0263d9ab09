import type { AccessCase } from './world.js';

/** Access cases for the enterprises module's routes. */
export const enterprisesCases: AccessCase[] = [];
