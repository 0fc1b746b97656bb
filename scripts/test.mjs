#!/usr/bin/env node
// `npm test`: checks what the tests need on this machine, then runs every suite in order and
// prints one line per step. Every step runs even after a failure, so one run shows all that is
// broken; the exit code is non-zero when any step failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const CHROMIUM = '/usr/bin/chromium';

function checkPrerequisites() {
  const missing = [];
  const adb = spawnSync('adb', ['version'], { encoding: 'utf8' });
  if (adb.error || adb.status !== 0) {
    missing.push('adb is not on PATH: the integration tests start their own adb server. Install it: `sudo apt-get install adb` (Debian/Ubuntu).');
  }
  const pdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (pdftotext.error) {
    missing.push('pdftotext is not on PATH: the PDF report tests read their text back with it. Install it: `sudo apt-get install poppler-utils`.');
  }
  if (!existsSync(CHROMIUM)) {
    missing.push(`${CHROMIUM} is missing: the end-to-end tests drive Debian's Chromium. Install it: \`sudo apt-get install chromium\`.`);
  }
  if (!existsSync(bin('vitest'))) {
    missing.push('node_modules is missing: run `npm install` (or `ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci` in CI) first.');
  }
  return missing;
}

const steps = [
  { name: 'typecheck', cmd: process.platform === 'win32' ? 'npm.cmd' : 'npm', args: ['run', '-s', 'typecheck'] },
  { name: 'lint', cmd: bin('eslint'), args: ['.'] },
  { name: 'unit + renderer', cmd: bin('vitest'), args: ['run', '--project', 'unit', '--project', 'renderer'], counts: true },
  { name: 'integration', cmd: bin('vitest'), args: ['run', '--project', 'integration'], counts: true },
  { name: 'e2e', cmd: bin('vitest'), args: ['run', '--project', 'e2e'], counts: true },
];

const missing = checkPrerequisites();
if (missing.length > 0) {
  console.error('npm test cannot run on this machine:');
  for (const line of missing) console.error(`  - ${line}`);
  process.exit(1);
}

// Tests that start adb servers pick free ports themselves; no emulator probing on 5555-5585.
const env = { ...process.env, ADB_EMU: '0' };
const results = [];
// Vitest's JSON reports give the totals for the closing `N passed, N failed` line.
const reports = mkdtempSync(path.join(tmpdir(), 'push-doctor-test-'));
const tests = { passed: 0, failed: 0, skipped: 0 };
for (const [index, step] of steps.entries()) {
  const json = path.join(reports, `${index}.json`);
  const args = step.counts ? [...step.args, '--reporter=default', '--reporter=json', `--outputFile.json=${json}`] : step.args;
  console.log(`\n▶ ${step.name}: ${path.basename(step.cmd)} ${step.args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(step.cmd, args, { cwd: root, env, stdio: 'inherit' });
  if (step.counts && existsSync(json)) {
    const r = JSON.parse(readFileSync(json, 'utf8'));
    tests.passed += r.numPassedTests;
    tests.failed += r.numFailedTests;
    tests.skipped += r.numPendingTests + r.numTodoTests;
  }
  const ok = run.status === 0 && !run.error;
  results.push({ name: step.name, ok, seconds: (Date.now() - started) / 1000, detail: run.error?.message ?? (run.signal ? `killed by ${run.signal}` : `exit ${run.status}`) });
}

console.log('\nnpm test summary:');
for (const r of results) {
  console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(16)} ${r.seconds.toFixed(1).padStart(6)} s${r.ok ? '' : `  (${r.detail})`}`);
}
rmSync(reports, { recursive: true, force: true });
const failed = results.filter((r) => !r.ok);
if (failed.length > 0) console.log(`\n${failed.length} of ${results.length} steps failed: ${failed.map((r) => r.name).join(', ')}`);
else console.log(`\nAll ${results.length} steps passed.`);
// A failed step that ran no test (typecheck, lint, a crash) still counts as a failure in the closing line.
const failedSteps = failed.filter((r) => !steps.find((s) => s.name === r.name)?.counts).length;
console.log(`${tests.passed} passed, ${tests.failed + failedSteps} failed, ${tests.skipped} skipped`);
process.exit(failed.length > 0 ? 1 : 0);
