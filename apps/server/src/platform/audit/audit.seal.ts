import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { auditKeyring, createAuditCheckpointer } from './audit.checkpoint.js';
import { createAuditChainer } from './audit.chainer.js';

/**
 * Links every committed audit row and checkpoints the head outside the database: at start
 * (the first start after an upgrade seals the rows linked unkeyed before it) and at shutdown
 * (the last requests' rows, so that removing them is detected too).
 */
export async function sealAuditChain(db: Database, config: Pick<Config, 'dataDir' | 'auditHash'>): Promise<string> {
  const keys = () => auditKeyring(config.dataDir);
  await createAuditChainer(db, keys).chain();
  return createAuditCheckpointer({ db, dataDir: config.dataDir, keys, algorithm: config.auditHash }).checkpoint();
}
