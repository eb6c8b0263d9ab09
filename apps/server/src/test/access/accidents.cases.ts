import type { AccessCase } from './world.js';

/** Access cases for the accidents, indicators and statistics routes. */
export const accidentsCases: AccessCase[] = [];
