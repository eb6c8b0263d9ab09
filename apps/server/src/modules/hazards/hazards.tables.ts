/** The hazards module's tables, as Kysely sees them (see platform/db/schema.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as the module's migration lands
export interface HazardsTables {}
