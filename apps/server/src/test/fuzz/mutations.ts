/**
 * Hostile variants of a request, derived from its OpenAPI description alone: for every
 * string field, parameter and query value a NUL, an over-long string and a wrong type; an
 * unknown field; a body over the limit; malformed JSON. Each variant changes one thing in an
 * otherwise plausible request, so it reaches as deep as that one fault allows.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  default?: unknown;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

export interface Variant {
  /** What was done, for the failure message: "body.title: NUL". */
  label: string;
  /** Path with parameters filled in (already URL-encoded), query string included. */
  url: string;
  /** A JSON value, or raw text sent as application/json (oversized, malformed). */
  body?: unknown;
  raw?: string;
}

/** Values for fields a plausible request needs real: ids from the world, region codes … */
export type Known = (name: string, schema: JsonSchema) => unknown;

const NUL = 'fuzz\u0000nul';

/** The first concrete alternative of a union (zod's optional/nullable become anyOf). */
function concrete(schema: JsonSchema): JsonSchema {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return concrete(alternatives.find((s) => s.type !== 'null') ?? alternatives[0]!);
  if (schema.allOf?.length) return concrete(schema.allOf[0]!);
  return schema;
}

const typeOf = (schema: JsonSchema): string => {
  const s = concrete(schema);
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  return t ?? (s.properties ? 'object' : s.enum ? typeof s.enum[0] : 'string');
};

/** A plausible value for a schema: the one to keep while another field is mutated. */
export function sample(schema: JsonSchema, name: string, known: Known): unknown {
  const s = concrete(schema);
  const hint = known(name, s);
  if (hint !== undefined) return hint;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  switch (typeOf(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(s.properties ?? {})) out[key] = sample(child, key, known);
      return out;
    }
    case 'array': return Array.from({ length: Math.max(1, s.minItems ?? 0) }, () => sample(s.items ?? {}, name, known));
    case 'integer': return Math.max(s.minimum ?? 1, Math.min(s.maximum ?? 1, 1));
    case 'number': return s.minimum ?? 1;
    case 'boolean': return false;
    default:
      if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (s.format === 'date-time') return '2026-06-01T02:00:00Z';
      if (s.format === 'date' || /date|On$|deadline/i.test(name)) return '2026-06-01';
      return 'fuzz'.padEnd(Math.max(1, s.minLength ?? 1), 'z').slice(0, s.maxLength ?? 64);
  }
}

/** Whether null is one of the values a schema takes (zod's nullable: anyOf [T, {type: null}]). */
function allowsNull(schema: JsonSchema): boolean {
  if (schema.nullable || schema.type === 'null' || (Array.isArray(schema.type) && schema.type.includes('null'))) return true;
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].some(allowsNull);
}

interface Leaf { path: (string | number)[]; schema: JsonSchema; nullable: boolean }

/** Every leaf of a sampled body: its path (keys and array indexes) and its schema. */
function leaves(schema: JsonSchema, value: unknown, path: (string | number)[] = []): Leaf[] {
  const s = concrete(schema);
  const t = typeOf(s);
  const self: Leaf = { path, schema: s, nullable: allowsNull(schema) };
  if (t === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    return [self, ...Object.entries(s.properties ?? {}).flatMap(([key, child]) => leaves(child, (value as Record<string, unknown>)[key], [...path, key]))];
  }
  if (t === 'array' && Array.isArray(value) && value.length) return [self, ...leaves(s.items ?? {}, value[0], [...path, 0])];
  return [self];
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy: Record<string | number, unknown> = Array.isArray(root) ? [...(root as unknown[])] as never : { ...(root as Record<string, unknown>) };
  copy[path[0]!] = setAt(copy[path[0]!], path.slice(1), value);
  return copy;
}

/** A string longer than the schema allows (or long, where it says nothing). */
const overLong = (s: JsonSchema) => 'x'.repeat(Math.max((s.maxLength ?? 0) + 1, 5_000));

/** A value of another JSON type than the schema's. */
function wrongType(s: JsonSchema): unknown {
  switch (typeOf(s)) {
    case 'string': return 12345;
    case 'object': return 'fuzz';
    case 'array': return { fuzz: true };
    default: return 'fuzz';
  }
}

export function bodyVariants(schema: JsonSchema, base: unknown, url: string, bodyLimit: number): Variant[] {
  const out: Variant[] = [];
  for (const leaf of leaves(schema, base)) {
    const at = ['body', ...leaf.path].join('.');
    const t = typeOf(leaf.schema);
    if (t === 'string') {
      out.push({ label: `${at}: NUL`, url, body: setAt(base, leaf.path, NUL) });
      out.push({ label: `${at}: over-long`, url, body: setAt(base, leaf.path, overLong(leaf.schema)) });
    }
    if (leaf.path.length) {
      out.push({ label: `${at}: wrong type`, url, body: setAt(base, leaf.path, wrongType(leaf.schema)) });
      // null is a fault only where the schema does not take it; otherwise the body would be valid.
      if (!leaf.nullable) out.push({ label: `${at}: null`, url, body: setAt(base, leaf.path, null) });
    }
    if (t === 'object') out.push({ label: `${at}: unknown field`, url, body: setAt(base, leaf.path, { ...(getAt(base, leaf.path) as object), fuzzUnknown: 'x' }) });
  }
  out.push({ label: 'body: NUL in a key', url, body: typeof base === 'object' && base && !Array.isArray(base) ? { ...base, ['fuzz\u0000key']: 1 } : { ['fuzz\u0000key']: 1 } });
  out.push(...rawVariants(url, bodyLimit));
  return out;
}

function getAt(root: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root);
}

/** What any route that accepts a request body (or none) gets: an unknown field, too much, broken JSON. */
export function rawVariants(url: string, bodyLimit: number): Variant[] {
  return [
    { label: 'body: unknown field on its own', url, body: { fuzzUnknown: 'x' } },
    { label: 'body: over the body limit', url, raw: JSON.stringify({ fuzz: 'x'.repeat(bodyLimit + 1) }) },
    { label: 'body: malformed JSON', url, raw: '{"fuzz": ' },
    { label: 'body: a JSON string', url, raw: JSON.stringify(NUL) },
  ];
}

export interface Parameter { in: 'path' | 'query' | string; name: string; required?: boolean; schema?: JsonSchema }

/** Fills `/api/x/{id}` from `values`, each encoded. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? encodeURIComponent('missing'));
}

export function parameterVariants(path: string, params: Parameter[], pathValues: Record<string, string>, body: unknown): Variant[] {
  const out: Variant[] = [];
  const base = fillPath(path, Object.fromEntries(Object.entries(pathValues).map(([k, v]) => [k, encodeURIComponent(v)])));
  for (const p of params.filter((x) => x.in === 'path')) {
    const real = pathValues[p.name] ?? 'x';
    const at = `params.${p.name}`;
    for (const [what, value] of [['NUL', `${encodeURIComponent(real)}%00`], ['only NUL', '%00'], ['over-long', 'x'.repeat(99)], ['over the router limit', 'x'.repeat(300)], ['wrong type', 'not-a-valid-value']] as const) {
      const values = Object.fromEntries(Object.entries(pathValues).map(([k, v]) => [k, encodeURIComponent(v)]));
      values[p.name] = value;
      out.push({ label: `${at}: ${what}`, url: fillPath(path, values), body });
    }
  }
  for (const p of params.filter((x) => x.in === 'query')) {
    const s = concrete(p.schema ?? {});
    const at = `query.${p.name}`;
    const q = (value: string) => `${base}?${encodeURIComponent(p.name)}=${value}`;
    out.push({ label: `${at}: NUL`, url: q('fuzz%00nul'), body });
    out.push({ label: `${at}: over-long`, url: q(overLong(s)), body });
    out.push({ label: `${at}: wrong type`, url: q(typeOf(s) === 'string' && !s.enum && !s.pattern && !s.format ? 'x' : 'not-a-valid-value'), body });
    out.push({ label: `${at}: repeated`, url: `${q('a')}&${encodeURIComponent(p.name)}=b`, body });
  }
  out.push({ label: 'query: unknown parameter with NUL', url: `${base}?fuzz%00=1`, body });
  return out;
}
