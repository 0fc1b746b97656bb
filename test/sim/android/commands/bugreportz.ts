import { bugreportBaseName, runDumpstate } from '../dumpstate.js';
import type { AndroidCommand } from './command.js';

/**
 * `bugreportz` (frameworks/native/cmds/bugreportz/main.cpp, bugreportz.cpp and readme.md):
 *   -v  prints the protocol version on stderr (show_version: `fprintf(stderr, "%s\n", VERSION)`);
 *       the adb client reads it from stderr (adb/client/bugreport.cpp Bugreport::DoIt).
 *   -p  prints `BEGIN:<zip path>` at once, `PROGRESS:<n>/<total>` as dumpstate goes, then
 *       `OK:<zip path>` (or `FAIL:<message>`), all on stdout (protocol 1.1).
 *   -s  streams the zip on stdout instead (protocol 1.2, Android 11).
 *   -h  usage on stderr; any other option or a non-option argument: usage and exit 1.
 * Protocol versions by release: 1.0 in Android 7.0 (no -p), 1.1 from 7.1, 1.2 from 11. The zip lands
 * in dumpstate's directory: /bugreports from Android 10 (DUMPSTATE_DIRECTORY in dumpstate.h),
 * /data/user_de/0/com.android.shell/files/bugreports before.
 * The adb client then pulls the path named on the OK line over sync:, and does not delete it.
 */

function protocolVersion(sdk: number): string {
  if (sdk >= 30) return '1.2';
  if (sdk >= 25) return '1.1';
  return '1.0';
}

export function bugreportDirectory(sdk: number): string {
  return sdk >= 29 ? '/bugreports' : '/data/user_de/0/com.android.shell/files/bugreports';
}

function usage(version: string): string {
  return [
    `usage: bugreportz [-h${version === '1.0' ? '' : 'p'}${version === '1.2' ? 's' : ''}v]`,
    '  -h: to display this help message',
    ...(version === '1.0' ? [] : ['  -p: display progress']),
    ...(version === '1.2' ? ['  -s: stream zipped data'] : []),
    '  -v: to display the version',
    '  or no arguments to generate a zipped bugreport',
  ].join('\n') + '\n';
}

type Options = { kind: 'usage'; exit: number } | { kind: 'version' } | { kind: 'run'; progress: boolean; stream: boolean };

/** getopt(argc, argv, "hpsv") as main.cpp runs it: flags may be grouped (`-pv`), -h and -v act at once. */
function parseOptions(args: readonly string[], version: string): Options {
  const allowed = `h${version === '1.0' ? '' : 'p'}${version === '1.2' ? 's' : ''}v`;
  let progress = false;
  let stream = false;
  for (const arg of args) {
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-') return { kind: 'usage', exit: 1 };
    for (const flag of arg.slice(1)) {
      if (!allowed.includes(flag)) return { kind: 'usage', exit: 1 };
      if (flag === 'h') return { kind: 'usage', exit: 0 };
      if (flag === 'v') return { kind: 'version' };
      if (flag === 'p') progress = true;
      if (flag === 's') stream = true;
    }
  }
  return { kind: 'run', progress, stream };
}

export const bugreportz: AndroidCommand = async (io, device) => {
  // bugreportz shipped with Android 7.0; older phones answer as mksh does for a missing binary.
  if (device.sdk < 24) {
    await io.err('/system/bin/sh: bugreportz: not found\n');
    return 127;
  }
  const version = protocolVersion(device.sdk);
  const options = parseOptions(io.args, version);
  if (options.kind === 'usage') {
    await io.err(usage(version));
    return options.exit;
  }
  if (options.kind === 'version') {
    await io.err(`${version}\n`);
    return 0;
  }
  const startedAt = device.now();
  const path = `${bugreportDirectory(device.sdk)}/${bugreportBaseName(device, startedAt)}.zip`;
  // BEGIN names the final zip before dumpstate writes anything (bugreportz.cpp copies dumpstate's lines).
  if (options.progress && !options.stream) await io.out(`BEGIN:${path}\n`);
  let zip: Uint8Array;
  try {
    ({ zip } = await runDumpstate(device, {
      startedAt,
      onProgress: async (done, total) => {
        if (options.progress && !options.stream) await io.out(`PROGRESS:${done}/${total}\n`);
      },
    }));
  } catch (error) {
    await io.out(`FAIL:${error instanceof Error ? error.message : String(error)}\n`);
    return 0;
  }
  if (options.stream) {
    await io.out(Buffer.from(zip));
    return 0;
  }
  device.fs.write(path, Buffer.from(zip), 0o100660, Math.floor(startedAt / 1000));
  await io.out(`OK:${path}\n`);
  return 0;
};
