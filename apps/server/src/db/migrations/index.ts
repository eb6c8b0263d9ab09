import type { Migration } from 'kysely';
import * as foundation from './2026_11_22_0001_foundation.js';

/** Every migration, in order. A static list keeps the build self-contained. */
export const migrations: Record<string, Migration> = {
  '2026_11_22_0001_foundation': foundation,
};
