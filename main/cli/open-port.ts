import { createAdbTsPort, type AdbTsPort } from '../adb/adb-ts-adapter.js';
import type { AdbServerAddress } from '../adb/device-port.js';
import { defaultAdbServers, type CliDeps } from './program.js';

/** The device port for a command's `--adb` servers (or the default one). */
export function openPort(adb: AdbServerAddress[] | undefined, deps: CliDeps): AdbTsPort {
  return createAdbTsPort({ servers: adb && adb.length > 0 ? adb : defaultAdbServers(deps.env), env: deps.env as NodeJS.ProcessEnv });
}
