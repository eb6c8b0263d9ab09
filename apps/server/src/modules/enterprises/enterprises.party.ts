import type { Executor } from '../../platform/db/database.js';
import { unscoped } from '../../platform/access/scope.js';

/** What an enforcement document prints about its party (当事人). */
export interface DocumentParty {
  name: string;
  uscc: string;
  address: string;
  legalRepresentative: string;
  principal: string;
}

/**
 * The party block of a 执法文书, for the cases module. The caller has already loaded the case
 * inside the user's scope; the enterprise is the case's own.
 */
export async function documentParty(db: Executor, enterpriseId: string): Promise<DocumentParty | null> {
  const row = await db.selectFrom('enterprises as e').innerJoin('orgs as o', 'o.id', 'e.org_id')
    .where(unscoped('the party of a case the caller already holds in scope'))
    .select(['o.name', 'e.uscc', 'e.address', 'e.legal_representative', 'e.principal'])
    .where('e.org_id', '=', enterpriseId).executeTakeFirst();
  return row ? { name: row.name, uscc: row.uscc, address: row.address, legalRepresentative: row.legal_representative, principal: row.principal } : null;
}
