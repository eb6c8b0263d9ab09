import { once } from 'node:events';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, options: '-c timezone=UTC' });
  client.on('error', () => {});
  await client.connect();
  return client;
}

/** COPY text format: \N for null, backslash and separators escaped. */
export function copyValue(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  const s = String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!) : s;
}

export const copyRow = (values: (string | number | boolean | null | undefined)[]) => values.map(copyValue).join('\t') + '\n';

/** Streams lines into `COPY … FROM STDIN`, batching writes and honouring backpressure. */
export async function copyIn(client: pg.Client, sql: string, lines: Iterable<string> | AsyncIterable<string>): Promise<number> {
  const stream = client.query(copyFrom(sql));
  stream.on('error', () => {});
  let n = 0;
  let buffer = '';
  for await (const line of lines) {
    buffer += line;
    n++;
    if (buffer.length > 1 << 16) {
      if (!stream.write(buffer)) await once(stream, 'drain');
      buffer = '';
    }
  }
  const finished = once(stream, 'finish');
  stream.end(buffer);
  await finished;
  return n;
}

/** A Postgres text[] literal. */
export const pgArray = (items: string[]) => `{${items.map((i) => `"${i.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/** Streams bytes as they are (UTF-8 CSV) into `COPY … FROM STDIN`. */
export async function copyBytes(client: pg.Client, sql: string, bytes: Buffer): Promise<void> {
  const stream = client.query(copyFrom(sql));
  stream.on('error', () => {});
  for (let i = 0; i < bytes.length; i += 1 << 16) {
    if (!stream.write(bytes.subarray(i, i + (1 << 16)))) await once(stream, 'drain');
  }
  const finished = once(stream, 'finish');
  stream.end();
  await finished;
}
