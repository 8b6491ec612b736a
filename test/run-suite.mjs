#!/usr/bin/env node
// The whole test suite, as `npm test` runs it on a fresh machine and in CI: install what is
// missing, type-check, lint, build, run every Vitest project (unit, integration against real
// servers on loopback, end to end in Debian's Chromium), then print one totals line.
// Plain Node on purpose: it must run before `npm ci` has installed anything.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, 'test-results');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const totals = { passed: 0, failed: 0 };

function run(label, command, args, options = {}) {
  process.stdout.write(`\n== ${label}: ${[command, ...args].join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status === 0;
}

function hasPostgres() {
  const base = '/usr/lib/postgresql';
  return existsSync(base) && readdirSync(base).some((v) => existsSync(path.join(base, v, 'bin', 'initdb')));
}

function ensureSystemPackages() {
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!hasPostgres()) missing.push('postgresql');
  if (missing.length === 0) return;
  if (!isRoot) {
    console.error(
      `Missing system packages: ${missing.join(', ')}. Install them (sudo apt-get install -y ${missing.join(' ')}) and run again.`,
    );
    process.exit(2);
  }
  run('apt-get update', 'apt-get', ['update']);
  if (
    !run('install system packages', 'apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
  ) {
    process.exit(2);
  }
}

/** A check that is not a test runner (type-check, lint, build) counts as one test. */
function check(label, command, args) {
  const ok = run(label, command, args);
  if (ok) totals.passed += 1;
  else totals.failed += 1;
  return ok;
}

function vitest() {
  mkdirSync(resultsDir, { recursive: true });
  const report = path.join(resultsDir, 'vitest.json');
  run('tests', 'npx', [
    'vitest',
    'run',
    '--config',
    'test/vitest.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) {
    totals.failed += 1;
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  for (const file of json.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    totals.passed += tests.filter((t) => t.status === 'passed').length;
    totals.failed += tests.filter((t) => t.status === 'failed').length;
    // A file that failed to load or whose hooks failed has no failed test of its own: count it once.
    if (file.status === 'failed' && !tests.some((t) => t.status === 'failed')) totals.failed += 1;
  }
}

if (!existsSync(path.join(root, 'node_modules'))) run('install npm packages', 'npm', ['ci']);
ensureSystemPackages();
check('type-check', 'npx', ['tsc', '-b']);
check('lint', 'npx', ['eslint', '.']);
if (check('build', 'npx', ['electron-vite', 'build'])) vitest();
else totals.failed += 1;

process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed\n`);
process.exit(totals.failed === 0 ? 0 : 1);
