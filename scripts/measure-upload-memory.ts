/**
 * How much one upload raises the server's memory (RSS), for every upload path, with real
 * zip bombs. Starts the built platform (`npm run build` first) on a fresh data directory with
 * the demo data, signs in as the county office, and for each case resets the process's peak
 * RSS (/proc/<pid>/clear_refs), sends the upload(s), and reads the new peak (VmHWM).
 *
 *   npx tsx scripts/measure-upload-memory.ts            # Linux only (reads /proc)
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { xlsxBomb } from '../apps/server/src/test/zip-bomb.js';

const MiB = 1024 * 1024;
const root = path.resolve(import.meta.dirname, '..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const status = async (pid: number, key: 'VmRSS' | 'VmHWM') => {
  const text = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${key}:\\s+(\\d+)`).exec(text)![1]) / 1024;
};

function multipart(bytes: Buffer, filename: string, mime: string): { body: Buffer; type: string } {
  const boundary = `----measure${crypto.randomBytes(6).toString('hex')}`;
  return {
    body: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

async function typicalWorkbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(['企业名称*', '统一社会信用代码*', '行政区划代码*', '生产经营地址*', '行业*', '企业规模*', '法定代表人*', '主要负责人*', '实际控制人', '安全联系人', '纬度', '经度']);
  for (let i = 0; i < rows; i++) {
    ws.addRow([`正定恒${i}建材有限公司`, `91130123MA${String(i).padStart(7, '0')}X`, '130123100001', `正定县正定镇燕赵南大街${i}号`, '建筑施工', '小型', `王五${i}`, `赵六${i}`, '', `张伟:1380013${String(i % 10_000).padStart(4, '0')}`, 38.15, 114.57]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function main() {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'anjian-measure-'));
  await fs.chmod(dataDir, 0o755);
  const port = await freePort();
  const server = spawn('node', ['apps/server/dist/main.js'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ANJIAN_DATA_DIR: dataDir, ANJIAN_ADMIN_PASSWORD: 'Measure#Admin2026', DATABASE_URL: '', ANJIAN_DEMO: '1', LOG_LEVEL: 'warn', ANJIAN_LOGIN_RATE_MAX: '1000' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
      if (i > 600 || server.exitCode !== null) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 500));
    }
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'zd.office', password: 'Anjian@2026' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const post = (url: string, body: Buffer, type: string) => fetch(`${base}${url}`, { method: 'POST', headers: { cookie, 'content-type': type }, body }).then(async (r) => `${r.status} ${((await r.json()) as { code?: string }).code ?? ''}`.trim());
    const xlsx = (url: string, bytes: Buffer) => { const m = multipart(bytes, '导入.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'); return post(url, m.body, m.type); };

    const bomb = xlsxBomb({ inflatedBytes: 300 * MiB, lie: true });
    const honest = xlsxBomb({ inflatedBytes: 300 * MiB });
    const typical = await typicalWorkbook(20_000);
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(10 * MiB - 8), Buffer.from([0xff, 0xd9])]);
    const csvRows = Array.from({ length: 200_000 }, (_, i) => `测量隐患${i},巨大,企业自查,已上报,130123100001,,,2026-05-01,,,,,`).join('\n');
    const csv = Buffer.from(`隐患名称,隐患等级,隐患来源,状态,行政区划代码,企业统一社会信用代码,行业,发现日期,整改期限,责任单位,责任人,销号日期,挂牌督办级别\n${csvRows}\n`);

    // Warm up every path once, so the first case does not pay for loading code.
    await xlsx('/api/enterprises/import', await typicalWorkbook(5));
    await xlsx('/api/hazards/import', await typicalWorkbook(5));
    await post('/api/hazards/import', Buffer.from('隐患名称\n'), 'text/csv');

    const cases: [string, () => Promise<string[]>][] = [
      [`.xlsx bomb ${(bomb.length / 1024).toFixed(0)} KB → 300 MB, lying sizes → enterprise import`, async () => [await xlsx('/api/enterprises/import', bomb)]],
      ['the same bomb → hazard import (.xlsx)', async () => [await xlsx('/api/hazards/import', bomb)]],
      ['four bombs at once → enterprise import', () => Promise.all([1, 2, 3, 4].map(() => xlsx('/api/enterprises/import', bomb)))],
      [`.xlsx bomb with honest sizes (${(honest.length / 1024).toFixed(0)} KB) → enterprise import`, async () => [await xlsx('/api/enterprises/import', honest)]],
      [`20,000-row workbook (${(typical.length / 1024).toFixed(0)} KB) → enterprise import`, async () => [await xlsx('/api/enterprises/import', typical)]],
      ['10 MB photo → /api/files', async () => { const m = multipart(photo, 'a.jpg', 'image/jpeg'); return [await post('/api/files', m.body, m.type)]; }],
      [`CSV ${(csv.length / MiB).toFixed(0)} MB (200,000 rows) → hazard import`, async () => [await post('/api/hazards/import', csv, 'text/csv')]],
    ];
    console.log('| upload | answers | RSS before (MB) | peak RSS (MB) | raise (MB) |');
    console.log('|---|---|---:|---:|---:|');
    for (const [name, run] of cases) {
      await new Promise((r) => setTimeout(r, 2_000));
      const before = await status(server.pid!, 'VmRSS');
      await fs.writeFile(`/proc/${server.pid}/clear_refs`, '5'); // resets VmHWM to the current RSS
      const answers = await run();
      const peak = await status(server.pid!, 'VmHWM');
      console.log(`| ${name} | ${answers.join(', ')} | ${before.toFixed(0)} | ${peak.toFixed(0)} | ${(peak - before).toFixed(0)} |`);
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
