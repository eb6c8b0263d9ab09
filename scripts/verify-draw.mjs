#!/usr/bin/env node
/**
 * Re-verifies a published 双随机 draw from the public page's data alone:
 *   node scripts/verify-draw.mjs https://<host>/api/public/draws/<id>
 *   node scripts/verify-draw.mjs draw.json          (the same JSON, saved)
 * It re-hashes the published register and pool, checks the revealed seed against the
 * commitment published before the draw, and re-runs the draw with the platform's own pure
 * function (packages/domain, built by `npm run build`). Exit code 0: verified; 1: not.
 */
import { readFile } from 'node:fs/promises';

const source = process.argv[2];
if (!source) {
  console.error('usage: node scripts/verify-draw.mjs <public draw URL | saved JSON file>');
  process.exit(2);
}
const { verifyDraw } = await import(new URL('../packages/domain/dist/index.js', import.meta.url));
const text = /^https?:\/\//.test(source)
  ? await fetch(source).then((res) => {
    if (!res.ok) throw new Error(`${source}: HTTP ${res.status}`);
    return res.text();
  })
  : await readFile(source, 'utf8');
const draw = JSON.parse(text);
if (draw.status !== 'drawn' || draw.seed === null) {
  console.log(`draw ${draw.id}: inputs fixed, not drawn yet — commitment ${draw.commitment}, inputs ${draw.inputsHash}`);
  process.exit(1);
}
const verification = verifyDraw(draw);
for (const check of verification.checks) {
  console.log(`${check.ok ? 'ok  ' : 'FAIL'} ${check.name}${check.ok ? '' : `: published ${check.expected.slice(0, 80)}, recomputed ${check.actual.slice(0, 80)}`}`);
}
console.log(verification.ok
  ? `verified: draw ${draw.id} (${draw.result.pairs.length} pairs) is what its published inputs and seed give`
  : `NOT verified: draw ${draw.id}${verification.error ? ` (${verification.error})` : ''}`);
process.exit(verification.ok ? 0 : 1);
