import { sha256Hex } from './sha256.js';

/**
 * The acceptance signature ("谁验收、谁签字、谁负责") stores a hash of the hazard as the
 * acceptor saw it, so a later edit to the record cannot pretend to have been signed. The
 * hash must not depend on key order or whitespace, hence a canonical JSON: object keys
 * sorted by UTF-16 code units, no whitespace, arrays in their order, undefined members
 * dropped (as JSON.stringify does), Dates as ISO strings. Anything JSON cannot carry
 * faithfully (NaN, Infinity, bigint, functions, symbols) is refused rather than mangled.
 */
export type CanonicalValue = string | number | boolean | null | Date | readonly CanonicalValue[] | { readonly [key: string]: CanonicalValue | undefined };

export const ACCEPTANCE_HASH_ALGORITHM = 'sha256-canonical-json-v1';

export function canonicalJson(value: unknown): string {
  return encode(value, '$');
}

function encode(value: unknown, path: string): string {
  if (value === null) return 'null';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError(`${path}: invalid Date`);
    return JSON.stringify(value.toISOString());
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} has no JSON form`);
      // -0 and 0 are the same value to everyone reading the record.
      return JSON.stringify(Object.is(value, -0) ? 0 : value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item, i) => encode(item, `${path}[${i}]`)).join(',')}]`;
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new TypeError(`${path}: only plain objects can be hashed`);
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${encode(v, `${path}.${k}`)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`${path}: a ${typeof value} cannot be hashed`);
  }
}

/** Lower-case hex SHA-256 of the snapshot's canonical JSON. */
export function acceptanceStateHash(snapshot: CanonicalValue): string {
  return sha256Hex(canonicalJson(snapshot));
}
