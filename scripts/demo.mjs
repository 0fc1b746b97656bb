#!/usr/bin/env node
// Starts the simulated phone lab on its own adb server port, then opens the workstation on it,
// so a new user can try Push Doctor without a phone. Ctrl+C stops both.
// Usage: npm run demo [-- --cli]   (--cli: print the lab audit in the terminal instead of opening the app)
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const port = process.env.PUSH_DOCTOR_DEMO_ADB_PORT ?? '5038';
const cliOnly = process.argv.includes('--cli');
const env = { ...process.env, ANDROID_ADB_SERVER_PORT: port, ADB_EMU: '0' };
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// Node itself, not `npm run`, so SIGTERM reaches the simulator and it detaches its phones on the way out.
const tsx = (script, args) => spawn(process.execPath, ['--import', 'tsx', script, ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
const sim = tsx('test/sim/cli.ts', ['--adb-port', port]);
const lines = createInterface({ input: sim.stdout });
let app = null;

const stop = (code) => {
  if (app && app.exitCode === null) app.kill('SIGTERM');
  if (sim.exitCode === null) sim.kill('SIGTERM');
  process.exitCode = code;
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
sim.on('exit', (code) => {
  if (!app) {
    console.error(`The simulated lab stopped before it was ready (exit ${code}).`);
    process.exit(1);
  }
});

lines.on('line', (line) => {
  console.log(`[lab] ${line}`);
  if (line.trim() !== 'ALL READY' || app) return;
  console.log(cliOnly ? 'Auditing the simulated lab…' : `Opening Push Doctor on the simulated lab (adb server port ${port})…`);
  app = cliOnly
    ? spawn(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'audit', '--all', '--app', 'com.example.im', '--format', 'md'], { env, stdio: 'inherit' })
    : spawn(npm, ['start'], { env, stdio: 'inherit' });
  app.on('exit', (code) => stop(code ?? 0));
});
