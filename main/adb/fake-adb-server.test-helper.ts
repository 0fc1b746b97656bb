import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * An in-process stand-in for the adb *server* side of the smart-socket protocol, for unit tests of the
 * adapter: `host:devices-l`, `host:track-devices-l`, `host:transport:<serial>` with adb's FAIL texts
 * (AOSP transport.cpp), `shell:` run through a tiny `cmd ; echo "…$?…"` interpreter, and `sync:` RECV.
 * The integration tests use the real adb server instead.
 */

export interface FakeShellReply {
  output: string | Buffer;
  exitCode?: number;
  /** Close the stream after this many output bytes, before the command ends (a phone that vanished). */
  cutAfter?: number;
  /** Remove the device from the list when the stream is cut. */
  removeOnCut?: boolean;
  delayMs?: number;
  /** Never answer (until the client gives up). */
  hang?: boolean;
}

export interface FakeDevice {
  serial: string;
  /** The state text adb prints, e.g. "device", "unauthorized", "no permissions (…); see […]". */
  state: string;
  product?: string;
  model?: string;
  device?: string;
  shell?: (command: string) => FakeShellReply;
  files?: Record<string, Buffer>;
  /** Cut a pull after this many bytes. */
  cutPullAfter?: number;
  /**
   * adb's transport id. When absent one is assigned per serial (kept while that serial stays listed, as adb
   * keeps it while the phone stays connected); devices that share a serial must each be given their own.
   */
  transportId?: number;
}

const FAIL_TEXT: Record<string, string> = {
  unauthorized:
    "device unauthorized.\nThis adb server's $ADB_VENDOR_KEYS is not set\nTry 'adb kill-server' if that seems wrong.\n" +
    'Otherwise check for a confirmation dialog on your device.',
  offline: 'device offline',
  authorizing: 'device still authorizing',
};

export class FakeAdbServer {
  readonly devices: FakeDevice[] = [];
  readonly shellLog: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  private server: Server | null = null;
  private readonly trackers = new Set<Socket>();
  private readonly sockets = new Set<Socket>();
  private nextTransportId = 1;
  private readonly transportIds = new Map<string, number>();
  /** Every `host:transport…` request, to check how the client selected the device. */
  readonly transportLog: string[] = [];

  get port(): number {
    return (this.server?.address() as AddressInfo).port;
  }

  async start(port = 0): Promise<this> {
    const server = createServer((socket) => this.serve(socket));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  setDevices(devices: FakeDevice[]): void {
    this.devices.splice(0, this.devices.length, ...devices);
    this.changed();
  }

  update(serial: string, change: Partial<FakeDevice>): void {
    const device = this.devices.find((candidate) => candidate.serial === serial);
    if (device) Object.assign(device, change);
    this.changed();
  }

  remove(serial: string): void {
    const index = this.devices.findIndex((candidate) => candidate.serial === serial);
    if (index >= 0) this.devices.splice(index, 1);
    this.changed();
  }

  listing(): string {
    return this.devices.map((d) => {
      const id = this.transportIdOf(d);
      const props = [d.product && `product:${d.product}`, d.model && `model:${d.model}`, d.device && `device:${d.device}`]
        .filter(Boolean).join(' ');
      return `${d.serial.padEnd(22)} ${d.state}${props ? ` ${props}` : ''} transport_id:${id}\n`;
    }).join('');
  }

  transportIdOf(device: FakeDevice): number {
    if (device.transportId !== undefined) return device.transportId;
    let id = this.transportIds.get(device.serial);
    if (id === undefined) {
      id = this.nextTransportId++;
      this.transportIds.set(device.serial, id);
    }
    return id;
  }

  private changed(): void {
    const text = hex(this.listing());
    for (const socket of this.trackers) socket.write(text);
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.trackers.delete(socket);
    });
    socket.on('error', () => undefined);
    let buffer = Buffer.alloc(0);
    let device: FakeDevice | null = null;
    let busy = false;
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (busy) return;
      while (buffer.length >= 4) {
        const length = Number.parseInt(buffer.toString('latin1', 0, 4), 16);
        if (buffer.length < 4 + length) return;
        const service = buffer.toString('utf8', 4, 4 + length);
        buffer = buffer.subarray(4 + length);
        if (device) {
          busy = true;
          void this.deviceService(socket, device, service, () => buffer);
          return;
        }
        device = this.hostService(socket, service);
        if (!device) return;
      }
    });
  }

  private hostService(socket: Socket, service: string): FakeDevice | null {
    if (service === 'host:devices-l') {
      socket.end(Buffer.concat([Buffer.from('OKAY'), Buffer.from(hex(this.listing()))]));
      return null;
    }
    if (service === 'host:track-devices-l' || service === 'host:track-devices') {
      socket.write(`OKAY${hex(this.listing())}`);
      this.trackers.add(socket);
      return null;
    }
    const byId = /^host:transport-id:(\d+)$/.exec(service);
    const transport = /^host:transport:(.+)$/.exec(service);
    if (byId || transport) {
      this.transportLog.push(service);
      let device: FakeDevice | undefined;
      if (byId) {
        device = this.devices.find((candidate) => this.transportIdOf(candidate) === Number(byId[1]));
        if (!device) return fail(socket, `no device with transport id '${byId[1]}'`);
      } else {
        // As adb's acquire_one_transport: a serial two devices share is refused.
        const matches = this.devices.filter((candidate) => candidate.serial === transport?.[1]);
        if (matches.length > 1) return fail(socket, 'more than one device');
        device = matches[0];
        if (!device) return fail(socket, `device '${transport?.[1]}' not found`);
      }
      if (device.state.startsWith('no permissions')) {
        return fail(socket, 'insufficient permissions for device: user in plugdev group; are your udev rules wrong?\n' +
          'See [http://developer.android.com/tools/device.html] for more information');
      }
      const failure = FAIL_TEXT[device.state];
      if (failure) return fail(socket, failure);
      socket.write('OKAY');
      return device;
    }
    return fail(socket, `unknown host service '${service}'`);
  }

  private async deviceService(socket: Socket, device: FakeDevice, service: string, pending: () => Buffer): Promise<void> {
    if (service.startsWith('shell:')) {
      await this.shell(socket, device, service.slice('shell:'.length));
      return;
    }
    if (service === 'sync:') {
      socket.write('OKAY');
      await this.sync(socket, device, pending);
      return;
    }
    fail(socket, 'closed');
  }

  private async shell(socket: Socket, device: FakeDevice, line: string): Promise<void> {
    this.shellLog.push(line);
    socket.write('OKAY');
    const framed = /^(.*) ; echo "([^"$]*)\$\?([^"]*)"$/.exec(line);
    const command = framed?.[1] ?? line;
    const reply = device.shell?.(command) ?? { output: `/system/bin/sh: ${command.split(' ')[0]}: inaccessible or not found\n`, exitCode: 127 };
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (reply.hang) {
        await new Promise<void>((resolve) => socket.once('close', () => resolve()));
        return;
      }
      if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      const output = Buffer.isBuffer(reply.output) ? reply.output : Buffer.from(reply.output);
      if (reply.cutAfter !== undefined) {
        await write(socket, output.subarray(0, reply.cutAfter));
        if (reply.removeOnCut) this.remove(device.serial);
        socket.destroy();
        return;
      }
      await write(socket, output);
      if (framed) await write(socket, Buffer.from(`${framed[2]}${reply.exitCode ?? 0}${framed[3]}\n`));
      socket.end();
    } finally {
      this.inFlight--;
    }
  }

  /** sync: STAT (answered, then the next request is read) and RECV. */
  private async sync(socket: Socket, device: FakeDevice, pending: () => Buffer): Promise<void> {
    let request = pending();
    const more = async () => {
      request = Buffer.concat([request, await new Promise<Buffer>((resolve) => socket.once('data', resolve))]);
    };
    for (;;) {
      while (request.length < 8) await more();
      const id = request.toString('latin1', 0, 4);
      const length = request.readUInt32LE(4);
      while (request.length < 8 + length) await more();
      const path = request.toString('utf8', 8, 8 + length);
      request = request.subarray(8 + length);
      if (id === 'STAT') {
        const file = device.files?.[path];
        const reply = Buffer.alloc(16);
        reply.write('STAT');
        if (file) {
          reply.writeUInt32LE(0o100644, 4);
          reply.writeUInt32LE(file.length, 8);
        }
        await write(socket, reply);
        continue;
      }
      await this.syncRecv(socket, device, path);
      return;
    }
  }

  private async syncRecv(socket: Socket, device: FakeDevice, path: string): Promise<void> {
    const file = device.files?.[path];
    if (!file) {
      const message = Buffer.from('No such file or directory');
      const head = Buffer.alloc(8);
      head.write('FAIL');
      head.writeUInt32LE(message.length, 4);
      socket.end(Buffer.concat([head, message]));
      return;
    }
    const limit = device.cutPullAfter ?? Infinity;
    for (let at = 0; at < file.length; at += 65536) {
      if (at >= limit) {
        socket.destroy();
        return;
      }
      const chunk = file.subarray(at, at + 65536);
      const head = Buffer.alloc(8);
      head.write('DATA');
      head.writeUInt32LE(chunk.length, 4);
      await write(socket, Buffer.concat([head, chunk]));
    }
    const done = Buffer.alloc(8);
    done.write('DONE');
    socket.end(done);
  }
}

function hex(text: string): string {
  return Buffer.byteLength(text).toString(16).padStart(4, '0') + text;
}

function fail(socket: Socket, message: string): null {
  socket.end(`FAIL${hex(message)}`);
  return null;
}

function write(socket: Socket, data: Buffer): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) return resolve();
    socket.write(data, () => resolve());
  });
}
