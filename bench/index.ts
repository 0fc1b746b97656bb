/**
 * `npm run bench`: the audit's speed targets, measured side by side in one run on simulated phones
 * (`--latency-ms 50`, as a real phone's dumpsys/cmd/pm start-up). Prints ratios, never asserts them:
 * performance lives here, not in timed unit tests.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createAdbTsPort } from '../main/adb/adb-ts-adapter.js';
import { auditDevice } from '../main/audit/audit-device.js';
import { auditLab } from '../main/audit/audit-lab.js';
import { probePlan } from '../main/probes/probe-plan.js';
import { parseDumpsysNotification } from '../main/probes/notification/dumpsys-notification.js';
import { REPORT_FORMATS, reportWriter } from '../main/report/writers.js';
import { largeNotificationDump } from './large-notification-dump.js';
import { freePort } from '../test/sim/adb/adb-server.js';
import { startSimProcess, type SimProcess } from './sim-process.js';

const run = promisify(execFile);
const LATENCY_MS = 50;
const APP = 'com.example.im';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (n: number): string => `${n.toFixed(0)} ms`;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await fn();
  return [performance.now() - t0, value];
}

async function onePhone(env: NodeJS.ProcessEnv): Promise<void> {
  const adbPort = await freePort();
  const sim = await startSimProcess(['--profile', 'xiaomi-hyperos-a14', '--adb-port', String(adbPort), '--latency-ms', String(LATENCY_MS)], env);
  const port = createAdbTsPort({ servers: [{ host: '127.0.0.1', port: adbPort }], env });
  try {
    const [device] = (await port.listDevices()).filter((d) => d.state === 'device');
    if (!device) throw new Error('the simulated phone did not come up');
    const commands = probePlan(APP).map((p) => p.command);

    const byHand: number[] = [];
    for (let i = 0; i < 3; i++) {
      const [t] = await timed(async () => {
        for (const command of commands) await run('adb', ['-P', String(adbPort), '-s', device.serial, 'shell', command], { env, maxBuffer: 64 << 20 });
      });
      byHand.push(t);
    }
    const singles: number[] = [];
    for (const command of commands) {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) times.push((await timed(() => port.shell(device, command)))[0]);
      singles.push(median(times));
    }
    const audits: number[] = [];
    for (let i = 0; i < 5; i++) audits.push((await timed(() => auditDevice(port, device, { app: APP })))[0]);

    const hand = median(byHand);
    const audit = median(audits);
    const slowest = Math.max(...singles);
    console.log(`1. One phone, ${commands.length} commands, latency ${LATENCY_MS} ms per command`);
    console.log(`   by hand (one \`adb shell\` per check, in sequence): ${ms(hand)}`);
    console.log(`   Push Doctor audit:                                  ${ms(audit)}`);
    console.log(`   slowest single command alone:                       ${ms(slowest)}`);
    console.log(`   speed-up: ${(hand / audit).toFixed(1)}x (target >= 10x); audit / slowest command: ${(audit / slowest).toFixed(2)}x (target <= 1.5x)`);
  } finally {
    await port.close();
    await sim.stop();
    await run('adb', ['-P', String(adbPort), 'kill-server'], { env }).catch(() => undefined);
  }
}

const LAB_PROFILES = ['xiaomi-hyperos-a14', 'redmi-miui-a12', 'huawei-harmonyos-a12', 'honor-magicos-a15', 'oppo-coloros-a14', 'vivo-originos-a14', 'samsung-oneui-a14', 'pixel-a16'];

/** Two adb servers, each with `count` copies of every lab profile in a simulator process of its own. */
async function withLab(env: NodeJS.ProcessEnv, count: number, body: (port: ReturnType<typeof createAdbTsPort>, sims: SimProcess[]) => Promise<void>): Promise<void> {
  const ports = [await freePort(), await freePort()];
  const sims: SimProcess[] = [];
  const port = createAdbTsPort({ servers: ports.map((p) => ({ host: '127.0.0.1', port: p })), env });
  try {
    for (const adbPort of ports) {
      sims.push(await startSimProcess([...LAB_PROFILES.flatMap((p) => ['--profile', p]), '--count', String(count), '--adb-port', String(adbPort), '--latency-ms', String(LATENCY_MS)], env));
    }
    await body(port, sims);
  } finally {
    await port.close();
    for (const sim of sims) await sim.stop();
    for (const adbPort of ports) await run('adb', ['-P', String(adbPort), 'kill-server'], { env }).catch(() => undefined);
  }
}

async function lab(env: NodeJS.ProcessEnv): Promise<void> {
  await withLab(env, 2, async (port) => {
    await auditLab(port, { app: APP }); // warm-up: JIT, sockets, the servers' first transports
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
    const [t, report] = await timed(() => auditLab(port, { app: APP, deviceConcurrency: 32 }));
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const complete = report.devices.filter((d) => d.state === 'device' && (d.probes?.missing.length ?? 1) === 0).length;
    console.log(`2. Lab of ${report.devices.length} phones on two adb servers (${complete} fully read), latency ${LATENCY_MS} ms`);
    console.log(`   wall time: ${ms(t)} (target < 5000 ms); peak RSS of this process: ${(peak / 2 ** 20).toFixed(0)} MiB (target < 300 MiB; ${((peak - before) / 2 ** 20).toFixed(0)} MiB above idle)`);
  });
}

/**
 * The device lab at scale (64 phones over two adb servers): the audit process and the simulators measured apart,
 * then the time each report format takes to render that lab.
 */
async function labAtScale(env: NodeJS.ProcessEnv): Promise<void> {
  await withLab(env, 4, async (port, sims) => {
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
    const [t, report] = await timed(() => auditLab(port, { app: APP }));
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const complete = report.devices.filter((d) => d.state === 'device' && (d.probes?.missing.length ?? 1) === 0).length;
    const simPeaks = sims.map((s) => s.peakRss()).filter((n): n is number => n !== null);
    console.log(`5. Lab of ${report.devices.length} phones on two adb servers (${complete} fully read, default concurrency), latency ${LATENCY_MS} ms`);
    console.log(`   wall time: ${ms(t)} (target < 10000 ms); audit process peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (target < 400 MiB); `
      + `simulators ${simPeaks.map((b) => `${(b / 2 ** 20).toFixed(0)} MiB`).join(' + ')} (their own processes)`);
    const renders: string[] = [];
    for (const format of REPORT_FORMATS) {
      const choice = await reportWriter(format);
      if (!choice.ok) { renders.push(`${format}: ${choice.reason}`); continue; }
      const [rt, body] = await timed(async () => choice.writer.render(report));
      renders.push(`${format} ${ms(rt)} (${((typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength) / 1024).toFixed(0)} KiB)`);
    }
    console.log(`   render: ${renders.join(', ')}`);
  });
}

async function parserThroughput(): Promise<void> {
  const text = await largeNotificationDump(5 * 2 ** 20);
  const bytes = Buffer.byteLength(text);
  parseDumpsysNotification(text, APP); // warm-up
  const times: number[] = [];
  let channels = 0;
  for (let i = 0; i < 5; i++) {
    const [t, result] = await timed(async () => parseDumpsysNotification(text, APP));
    times.push(t);
    channels = result.ok ? (result.value.app?.channels.length ?? 0) : -1;
  }
  const t = median(times);
  console.log(`3. Parser: dumpsys notification of ${(bytes / 2 ** 20).toFixed(1)} MiB parsed in ${ms(t)}: ${(bytes / 2 ** 20 / (t / 1000)).toFixed(0)} MiB/s (target >= 50 MB/s; app channels found: ${channels})`);
}

const env = { ...process.env, ADB_EMU: '0' };
await onePhone(env);
await lab(env);
await parserThroughput();
await (await import('./apk-decode.js')).apkDecode();
await labAtScale(env);
await (await import('./fix-recheck.js')).fixRecheck(env, LATENCY_MS);
await (await import('./push-watch.js')).pushWatch(env);
await (await import('./workstation.js')).workstation(env);
