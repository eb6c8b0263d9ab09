import { sql, type Kysely } from 'kysely';

/**
 * A 回头看 draw is made over the drawer's scope: its region and, for an industry department,
 * its industries. The draw now records those industries (null: all), so that the one scope
 * mechanism can hold a department to the draws made within its own industries; before, any
 * department of the region read every draw, and with it the size of populations it may not see.
 * Draws already made by departments take their department's industries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table hazard_review_draws add column industries text[];
    update hazard_review_draws d set industries = o.industries from orgs o where o.id = d.org_id and o.type = 'department';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table hazard_review_draws drop column industries`.execute(db);
}
