import { createServer, type Server, type Socket } from 'node:net';
import type { SimPhone } from '../android/phone.js';
import { DeviceConnection, type AuthorizationState } from './connection.js';
import type { TransportFaults } from './faults.js';
import { DEVICE_MAX_PAYLOAD } from './packet.js';
import { advertisedFeatures, connectionBanner } from './services.js';

export interface DeviceDaemonOptions {
  /** 0 or absent: a free port outside 5555–5585, where the adb server looks for emulators. */
  port?: number;
  faults?: TransportFaults;
  /** maxdata advertised in CNXN; 1 MiB as adbd since Android 9. */
  maxPayload?: number;
}

/** A running simulated adbd on 127.0.0.1, reachable by `adb connect 127.0.0.1:<port>`. */
export interface DeviceDaemon {
  readonly port: number;
  /** The serial the adb server gives it. */
  readonly serial: string;
  readonly phone: SimPhone;
  /** Whether a host can reach the phone now (false after disconnect() or a disconnecting fault). */
  readonly reachable: boolean;
  readonly connectionCount: number;
  /** Drops every connection and refuses new ones until reconnect(), as an unplugged phone. */
  disconnect(): void;
  /** Accepts connections again; the adb server still needs `adb connect` or its own retry. */
  reconnect(): void;
  setFaults(faults: TransportFaults): void;
  /**
   * Stops accepting connections but keeps the ones already made, so another phone can listen on this port
   * while an adb server stays attached to this one: two servers then list one serial for two phones.
   */
  stopListening(): Promise<void>;
  close(): Promise<void>;
}

const EMULATOR_PORTS = { first: 5555, last: 5585 };

export async function startDeviceDaemon(phone: SimPhone, options: DeviceDaemonOptions = {}): Promise<DeviceDaemon> {
  let faults: TransportFaults = options.faults ?? {};
  let reachable = true;
  const connections = new Set<DeviceConnection>();
  const authorization: AuthorizationState = { accepted: false, firstSeenAt: null };
  const features = advertisedFeatures(phone.manifest);
  const maxPayload = options.maxPayload ?? DEVICE_MAX_PAYLOAD;

  const dropAll = () => {
    for (const connection of [...connections]) connection.drop();
  };
  const onSocket = (socket: Socket) => {
    if (!reachable) {
      socket.destroy();
      return;
    }
    const connection = new DeviceConnection(
      socket,
      {
        phone,
        auth: phone.manifest.auth,
        authorization,
        banner: connectionBanner(phone.manifest, features),
        features: new Set(features),
        maxPayload,
        faults: () => faults,
        onFaultDisconnect: () => {
          reachable = false;
        },
      },
      (closed) => connections.delete(closed),
    );
    connections.add(connection);
  };

  const { server, port } = await listen(onSocket, options.port ?? 0);
  return {
    port,
    serial: `127.0.0.1:${port}`,
    phone,
    get reachable() {
      return reachable;
    },
    get connectionCount() {
      return connections.size;
    },
    disconnect() {
      reachable = false;
      dropAll();
    },
    reconnect() {
      reachable = true;
    },
    setFaults(next) {
      faults = next;
    },
    stopListening() {
      // close()'s callback waits for every connection to end; the listening socket itself is closed at once.
      server.close();
      return new Promise((resolve) => setImmediate(resolve));
    },
    close() {
      reachable = false;
      dropAll();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function listen(onSocket: (socket: Socket) => void, wanted: number): Promise<{ server: Server; port: number }> {
  if (wanted >= EMULATOR_PORTS.first && wanted <= EMULATOR_PORTS.last) {
    throw new Error(`port ${wanted} is in the adb server's emulator range ${EMULATOR_PORTS.first}-${EMULATOR_PORTS.last}`);
  }
  for (;;) {
    const server = createServer(onSocket);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(wanted, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    if (port < EMULATOR_PORTS.first || port > EMULATOR_PORTS.last) return { server, port };
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
