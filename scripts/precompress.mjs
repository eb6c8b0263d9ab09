#!/usr/bin/env node
// Writes .br and .gz beside every text asset of the built web app, so the server sends them
// as they are (@fastify/static preCompressed) instead of compressing on every request.
// Brotli at its best quality costs a few seconds once, at build time.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(process.argv[2] ?? 'dist');
const TEXT = /\.(js|css|html|svg|json|txt|map)$/;
let files = 0;
let before = 0;
let after = 0;

function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (TEXT.test(entry.name) && !entry.name.endsWith('.map')) compress(file);
  }
}

function compress(file) {
  const raw = fs.readFileSync(file);
  if (raw.length < 1024) return;
  const br = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
  const gz = zlib.gzipSync(raw, { level: 9 });
  // A compressed copy no smaller than the file would only cost the client time.
  if (br.length < raw.length) fs.writeFileSync(`${file}.br`, br);
  if (gz.length < raw.length) fs.writeFileSync(`${file}.gz`, gz);
  files++;
  before += raw.length;
  after += Math.min(br.length, raw.length);
}

walk(root);
console.log(`precompressed ${files} files: ${Math.round(before / 1024)} kB → ${Math.round(after / 1024)} kB (brotli)`);
