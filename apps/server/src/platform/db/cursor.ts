import { AppError } from '../errors.js';

/**
 * Keyset paging: the cursor is the sort key of the last row served, opaque to clients
 * (base64url JSON). A deep page costs the same as the first.
 */
export function encodeCursor(values: (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number | null)[] | null {
  if (cursor === undefined) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity && values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')) {
      return values as (string | number | null)[];
    }
  } catch {
    // fall through: any undecodable cursor is the caller's mistake
  }
  throw new AppError('VALIDATION_FAILED', { summary: 'query.cursor' }, [
    { field: 'query.cursor', reason: 'invalid_cursor', message: { zh: '分页游标无效', en: 'invalid paging cursor' } },
  ]);
}

/** Takes limit+1 rows, returns `limit` and the cursor for the next page when there is one. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number | null)[]): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
