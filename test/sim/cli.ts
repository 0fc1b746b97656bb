import { chmodSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { listProfiles } from './android/create-phone.js';
import { PROFILES_DIR, startLab } from './lab.js';
import { startPushLab, type PushLab } from './push-lab.js';

/**
 * `npm run sim -- [--profile NAME …] [--count N] [--adb-port P] [--latency-ms N] [--push-servers FILE] [--list]`
 * (contract: ../shared/spec/cli.md, "The device simulator").
 */

function integer(min: number, max: number) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
    return parsed;
  };
}

function defaultAdbPort(): number {
  const fromEnv = Number(process.env.ANDROID_ADB_SERVER_PORT);
  return Number.isInteger(fromEnv) && fromEnv > 0 && fromEnv < 65536 ? fromEnv : 5037;
}

interface SimOptions {
  profile: string[];
  count: number;
  adbPort: number;
  latencyMs?: number;
  pushServers?: string;
  list?: boolean;
}

async function main(argv: string[]): Promise<number> {
  const program = new Command('sim')
    .description('Simulated Android phones attached to an adb server')
    .option('--profile <name>', 'a profile to start (repeatable; default all)', (value: string, all: string[]) => [...all, value], [])
    .option('--count <n>', 'copies of each profile', integer(1, 200), 1)
    .option('--adb-port <port>', 'adb server port (default $ANDROID_ADB_SERVER_PORT or 5037)', integer(1, 65535), defaultAdbPort())
    .option('--latency-ms <ms>', 'delay before every Android command a phone runs', integer(0, 60_000))
    .option('--push-servers <file>', 'also run every push route\'s local server, delivering to these phones; write their credentials to FILE (mode 600)')
    .option('--list', 'list the profiles and exit')
    .exitOverride();
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    return typeof (error as { exitCode?: unknown }).exitCode === 'number' ? (error as { exitCode: number }).exitCode : 2;
  }
  const options = program.opts<SimOptions>();
  const available = listProfiles(PROFILES_DIR).map((listing) => ({ ...listing, folder: basename(listing.dir) }));

  if (options.list) {
    for (const profile of available) process.stdout.write(`${profile.folder} ${profile.description}\n`);
    return 0;
  }
  const wanted = options.profile.length > 0 ? options.profile : available.map((profile) => profile.folder);
  const unknown = wanted.filter((name) => !available.some((profile) => profile.folder === name));
  if (unknown.length > 0) {
    process.stderr.write(`sim: unknown profile ${unknown.join(', ')} (see --list)\n`);
    return 2;
  }
  if (wanted.length === 0) {
    process.stderr.write(`sim: no profiles under ${PROFILES_DIR}\n`);
    return 1;
  }

  // Listen before starting: a signal during start-up still ends in a clean stop.
  const stopRequested = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  const lab = await startLab({
    profiles: wanted,
    count: options.count,
    adbPort: options.adbPort,
    ...(options.latencyMs === undefined ? {} : { latencyMs: options.latencyMs }),
  });
  for (const phone of lab.phones) process.stdout.write(`READY ${phone.serial} ${phone.profile}\n`);
  let pushLab: PushLab | null = null;
  if (options.pushServers) {
    const phones = lab.phones.map((p) => ({ serial: p.serial, phone: p.phone }));
    // An IM account per phone, named after its serial's port, for `push --route tencent-im --token im_PORT`.
    const imAccounts = Object.fromEntries(lab.phones.map((p) => [`im_${p.port}`, p.serial]));
    pushLab = await startPushLab(phones, { app: 'com.example.im', imAccounts });
    writeFileSync(options.pushServers, JSON.stringify(pushLab.credentials, null, 2), { mode: 0o600 });
    chmodSync(options.pushServers, 0o600);
    for (const [route, server] of pushLab.servers) process.stdout.write(`PUSH ${route} ${server.url}\n`);
    for (const account of Object.keys(imAccounts)) process.stdout.write(`IM ${account} ${imAccounts[account]}\n`);
  }
  process.stdout.write('ALL READY\n');

  await stopRequested;
  await pushLab?.close();
  await lab.stop();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`sim: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
