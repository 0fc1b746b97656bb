import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAdbServer, runAdb, waitForStates, type StateWanted } from './adb/adb-server.js';
import { startDeviceDaemon, type DeviceDaemon } from './adb/device-daemon.js';
import type { TransportFaults } from './adb/faults.js';
import type { PhoneOptions, SimPhone } from './android/phone.js';
import { createPhone as createAndroidPhone } from './android/create-phone.js';
import type { ProfileManifest } from './android/profile.js';

export const PROFILES_DIR = fileURLToPath(new URL('./profiles/', import.meta.url));

export type PhoneFactory = (profileDir: string, options: PhoneOptions) => Promise<SimPhone>;

export interface LabOptions {
  /** Profile folder names under `profilesDir`. */
  profiles: string[];
  /** Copies of each profile; 1 by default. */
  count?: number;
  adbPort: number;
  latencyMs?: number;
  faults?: TransportFaults | ((profile: string, index: number) => TransportFaults);
  profilesDir?: string;
  /** How a phone is made from its profile folder; the simulated Android's createPhone by default. */
  createPhone?: PhoneFactory;
}

export interface LabPhone {
  serial: string;
  profile: string;
  port: number;
  phone: SimPhone;
  daemon: DeviceDaemon;
  /** Drops the phone's link; the adb server shows it offline and retries until told otherwise. */
  disconnect(): void;
  /** Makes the phone reachable again and re-attaches it, waiting until adb lists it as before. */
  reconnect(): Promise<void>;
  setFaults(faults: TransportFaults): void;
}

export interface Lab {
  adbPort: number;
  /** Whether startLab started the adb server (then the caller may kill it). */
  startedServer: boolean;
  phones: LabPhone[];
  /** `adb disconnect` for every phone, then closes the daemons. */
  stop(): Promise<void>;
}

/** How a freshly attached phone settles: unauthorized when its user never taps Allow, else device. */
function settling(manifest: ProfileManifest): StateWanted {
  return {
    states: [manifest.auth.mode === 'never' ? 'unauthorized' : 'device'],
    timeoutMs: 15_000 + (manifest.auth.mode === 'delayed' ? manifest.auth.acceptAfterMs : 0),
  };
}

async function attach(adbPort: number, serial: string): Promise<void> {
  // A serial still being retried answers "already connected" and stays offline: forget it first.
  await runAdb(adbPort, ['disconnect', serial], { timeoutMs: 10_000 });
  const result = await runAdb(adbPort, ['connect', serial], { timeoutMs: 20_000 });
  const said = `${result.stdout.toString('utf8')}${result.stderr}`.trim();
  if (result.code !== 0 || !/connected to|failed to authenticate/.test(said)) {
    throw new Error(`adb connect ${serial} failed: ${said || `exit ${result.code}`}`);
  }
}

export async function startLab(options: LabOptions): Promise<Lab> {
  const profilesDir = options.profilesDir ?? PROFILES_DIR;
  const createPhone = options.createPhone ?? createAndroidPhone;
  const count = options.count ?? 1;
  const daemons: { daemon: DeviceDaemon; profile: string }[] = [];
  const stopDaemons = () => Promise.all(daemons.map(({ daemon }) => daemon.close()));
  try {
    const phoneOptions: PhoneOptions = options.latencyMs === undefined ? {} : { latencyMs: options.latencyMs };
    const wanted = options.profiles.flatMap((profile) => Array.from({ length: count }, () => profile));
    const started = await Promise.allSettled(
      wanted.map(async (profile, index) => {
        const phone = await createPhone(join(profilesDir, profile), phoneOptions);
        const faults = typeof options.faults === 'function' ? options.faults(profile, index) : options.faults;
        return { daemon: await startDeviceDaemon(phone, faults ? { faults } : {}), profile };
      }),
    );
    for (const result of started) if (result.status === 'fulfilled') daemons.push(result.value);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const startedServer = await ensureAdbServer(options.adbPort);
    await Promise.all(daemons.map(({ daemon }) => attach(options.adbPort, daemon.serial)));
    await waitForStates(options.adbPort, new Map(daemons.map(({ daemon }) => [daemon.serial, settling(daemon.phone.manifest)])));
    const phones = daemons.map(({ daemon, profile }) => labPhone(options.adbPort, daemon, profile));
    return {
      adbPort: options.adbPort,
      startedServer,
      phones,
      async stop() {
        await Promise.all(daemons.map(({ daemon }) => runAdb(options.adbPort, ['disconnect', daemon.serial], { timeoutMs: 10_000 }).catch(() => undefined)));
        await stopDaemons();
      },
    };
  } catch (error) {
    await stopDaemons();
    throw error;
  }
}

function labPhone(adbPort: number, daemon: DeviceDaemon, profile: string): LabPhone {
  return {
    serial: daemon.serial,
    profile,
    port: daemon.port,
    phone: daemon.phone,
    daemon,
    disconnect: () => daemon.disconnect(),
    async reconnect() {
      daemon.reconnect();
      await attach(adbPort, daemon.serial);
      await waitForStates(adbPort, new Map([[daemon.serial, settling(daemon.phone.manifest)]]));
    },
    setFaults: (faults) => daemon.setFaults(faults),
  };
}
