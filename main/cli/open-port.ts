import { createAdbTsPort, type AdbTsPort } from '../adb/adb-ts-adapter.js';
import type { AdbServerAddress } from '../adb/device-port.js';
import { shown } from '../util/shown.js';
import { CliExit, defaultAdbServers, EXIT, type CliDeps } from './program.js';

/** The device port for a command's `--adb` servers (or the default one). */
export function openPort(adb: AdbServerAddress[] | undefined, deps: CliDeps): AdbTsPort {
  return createAdbTsPort({
    servers: adb && adb.length > 0 ? adb : defaultServers(deps.env),
    env: deps.env as NodeJS.ProcessEnv,
    // A server we started keeps running after we exit: the user should know it is there and how it was started.
    onServerStart: (note) => deps.stderr(note.code === 0
      ? `Started an adb server on ${note.server} (\`${note.command}\`); it keeps running: \`adb -P ${note.server.slice(note.server.lastIndexOf(':') + 1)} kill-server\` stops it.\n`
      : `Tried to start an adb server on ${note.server} (\`${note.command}\`): exit ${note.code ?? 'abnormal'}${note.output ? `: ${note.output}` : ''}\n`),
  });
}

/** The default server, naming the environment variable when it is what is wrong. */
function defaultServers(env: CliDeps['env']): AdbServerAddress[] {
  try {
    return defaultAdbServers(env);
  } catch {
    throw new CliExit(EXIT.usage, `ANDROID_ADB_SERVER_PORT=${shown(env.ANDROID_ADB_SERVER_PORT ?? '')} is not an adb server port: `
      + 'set it to a port number (1–65535, e.g. 5037), unset it, or name the server with --adb HOST:PORT.');
  }
}
