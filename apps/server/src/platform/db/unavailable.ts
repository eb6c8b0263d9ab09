import { AppError } from '../errors.js';

/**
 * Failures that say "the database cannot be reached right now", as opposed to a query the
 * database refused. They become 503 DATABASE_UNAVAILABLE; the original (with its internal
 * address) goes only to the server's log.
 */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENOTCONN', 'EAI_AGAIN']);

// SQLSTATE 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up,
// shutting down, in recovery), 53300 too_many_connections; class 08 is "connection exception".
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

// pg and pg-pool raise these as plain Errors without a code.
const MESSAGES = [
  /^Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /Cannot use a pool after calling end on the pool/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  if (error instanceof AppError) return error.code === 'DATABASE_UNAVAILABLE';
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string') {
    if (SOCKET_CODES.has(e.code) || SQLSTATES.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code)) return true;
  }
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  // Node reports a refused connection to a name with two addresses as an AggregateError.
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

export function databaseUnavailable(): AppError {
  return new AppError('DATABASE_UNAVAILABLE', {}, [
    { field: 'database', reason: 'unavailable', message: { zh: '数据库暂时无法连接', en: 'the database cannot be reached right now' } },
  ]);
}
