#!/usr/bin/env node
// The README's test command: makes sure the browser tests can run, builds, then runs the
// three tiers — unit, integration (real PostgreSQL), end-to-end (headless Chromium).
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const run = (cmd, args, env = {}) => {
  console.log(`\n▶ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(' ')} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
};

const has = (cmd) => spawnSync('sh', ['-c', cmd], { stdio: 'ignore' }).status === 0;

function ensureBrowser() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  // Without a CJK font Chinese renders as boxes in screenshots and layout is wrong.
  const haveFont = has('fc-list :lang=zh | grep -q .');
  if (fs.existsSync(chromium) && haveFont) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && has('command -v apt-get')) {
    console.log('▶ installing chromium and fonts-noto-cjk (Debian packages) for the browser tests');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk', { stdio: 'inherit' });
    return;
  }
  console.error(`The end-to-end tests need Chromium (${chromium}) and a CJK font.
Install them first, e.g. on Debian/Ubuntu:  sudo apt-get install chromium fonts-noto-cjk
or point CHROMIUM_PATH at a Chromium or Chrome binary.`);
  process.exit(1);
}

ensureBrowser();
run('npm', ['run', 'build']);
run('npx', ['vitest', 'run', '--project', 'unit']);
run('npx', ['vitest', 'run', '--project', 'integration']);
run('npm', ['run', 'test:e2e']);
console.log('\n✓ all tests passed');
