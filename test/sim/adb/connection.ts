import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import type { SimPhone } from '../android/phone.js';
import type { ProfileManifest } from '../android/profile.js';
import { DEFAULT_FAULT_AFTER_BYTES, faultFor, type TransportFaults } from './faults.js';
import {
  A_AUTH,
  A_CLSE,
  A_CNXN,
  A_OKAY,
  A_OPEN,
  A_VERSION,
  A_WRTE,
  AUTH_RSAPUBLICKEY,
  AUTH_SIGNATURE,
  AUTH_TOKEN,
  encodePacket,
  isDecodeError,
  PacketDecoder,
  type Packet,
} from './packet.js';
import { routeService, type Route } from './services.js';
import { serveCommand } from './shell-service.js';
import { DeviceStream, type StreamLink } from './stream.js';
import { serveSync } from './sync-service.js';

/** Whether the phone's user tapped "Allow USB debugging"; shared by every connection to one phone. */
export interface AuthorizationState {
  accepted: boolean;
  /** When the phone first saw a host, in ms; a delayed tap counts from there. */
  firstSeenAt: number | null;
}

export interface ConnectionOptions {
  phone: SimPhone;
  auth: ProfileManifest['auth'];
  authorization: AuthorizationState;
  banner: string;
  features: ReadonlySet<string>;
  /** The maxdata we advertise in CNXN. */
  maxPayload: number;
  faults: () => TransportFaults;
  /** A fault dropped the link: the phone should now look unplugged. */
  onFaultDisconnect: () => void;
}

/**
 * One TCP connection from an adb server, with adbd's side of the handshake (CNXN, optional AUTH) and
 * its streams. See AOSP adb/protocol.txt and adb.cpp handle_packet().
 */
export class DeviceConnection implements StreamLink {
  private readonly decoder: PacketDecoder;
  private readonly streams = new Map<number, DeviceStream>();
  private nextLocalId = 1;
  private online = false;
  private hostMaxPayload = 4096;
  private bytesSent = 0;
  private acceptTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly socket: Socket,
    private readonly options: ConnectionOptions,
    private readonly onClosed: (connection: DeviceConnection) => void,
  ) {
    // The server may send a full 1 MiB payload; anything larger means the byte stream is out of step.
    this.decoder = new PacketDecoder(Math.max(options.maxPayload, 1024 * 1024));
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onBytes(chunk));
    socket.on('close', () => this.teardown());
    socket.on('error', () => this.teardown());
  }

  get maxPayload(): number {
    return Math.min(this.hostMaxPayload, this.options.maxPayload);
  }

  /** Drops the TCP link without a word, as a phone whose cable was pulled. */
  drop(): void {
    this.socket.destroy();
    this.teardown();
  }

  sendWrite(localId: number, remoteId: number, data: Buffer): void {
    const limit = this.options.faults().disconnectAfterBytes;
    if (limit !== undefined && this.bytesSent + data.length >= limit) {
      const left = Math.max(0, limit - this.bytesSent);
      if (left > 0) this.send(A_WRTE, localId, remoteId, data.subarray(0, left));
      this.faultDrop();
      return;
    }
    this.bytesSent += data.length;
    this.send(A_WRTE, localId, remoteId, data);
  }

  sendOkay(localId: number, remoteId: number): void {
    this.send(A_OKAY, localId, remoteId);
  }

  sendClose(localId: number, remoteId: number): void {
    this.send(A_CLSE, localId, remoteId);
  }

  forget(localId: number): void {
    this.streams.delete(localId);
  }

  private faultDrop(): void {
    this.options.onFaultDisconnect();
    this.drop();
  }

  private send(command: number, arg0: number, arg1: number, data?: Buffer): void {
    if (this.closed) return;
    this.socket.write(encodePacket(command, arg0, arg1, data));
  }

  private onBytes(chunk: Buffer): void {
    for (const packet of this.decoder.push(chunk)) {
      if (isDecodeError(packet)) {
        this.drop();
        return;
      }
      this.handle(packet);
    }
  }

  private handle(packet: Packet): void {
    switch (packet.command) {
      case A_CNXN:
        this.onConnect(packet);
        return;
      case A_AUTH:
        this.onAuth(packet);
        return;
      case A_OPEN:
        if (this.online) this.onOpen(packet);
        return;
      case A_OKAY:
        this.streams.get(packet.arg1)?.onOkay();
        return;
      case A_WRTE:
        this.streams.get(packet.arg1)?.onData(packet.data);
        return;
      case A_CLSE:
        this.streams.get(packet.arg1)?.onRemoteClose(true);
        return;
      default:
        return;
    }
  }

  private onConnect(packet: Packet): void {
    this.hostMaxPayload = packet.arg1;
    if (this.online) {
      this.sendBanner();
      return;
    }
    const { auth, authorization } = this.options;
    authorization.firstSeenAt ??= Date.now();
    // A phone with ro.adb.secure always challenges, even a host it already trusts (adbd's auth.cpp).
    if (auth.mode === 'none') this.goOnline();
    else this.sendAuthToken();
  }

  private onAuth(packet: Packet): void {
    const { auth, authorization } = this.options;
    if (this.online || auth.mode === 'none') return;
    if (packet.arg0 === AUTH_SIGNATURE) {
      // Signatures are not verified: a key counts as known once the user accepted it.
      if (authorization.accepted) this.goOnline();
      else this.sendAuthToken();
    } else if (packet.arg0 === AUTH_RSAPUBLICKEY && auth.mode === 'delayed' && !this.acceptTimer) {
      const waited = Date.now() - (authorization.firstSeenAt ?? Date.now());
      this.acceptTimer = setTimeout(() => {
        this.acceptTimer = null;
        authorization.accepted = true;
        this.goOnline();
      }, Math.max(0, auth.acceptAfterMs - waited));
    }
  }

  private sendAuthToken(): void {
    this.send(A_AUTH, AUTH_TOKEN, 0, randomBytes(20));
  }

  private goOnline(): void {
    if (this.online || this.closed) return;
    this.online = true;
    this.sendBanner();
  }

  private sendBanner(): void {
    this.send(A_CNXN, A_VERSION, this.options.maxPayload, Buffer.from(this.options.banner, 'utf8'));
  }

  private onOpen(packet: Packet): void {
    const remoteId = packet.arg0;
    const service = packet.data.toString('utf8').replace(/\0+$/, '');
    const route = routeService(service, this.options.features);
    if (!route) {
      this.send(A_CLSE, 0, remoteId);
      return;
    }
    const stream = new DeviceStream(this.nextLocalId++, remoteId, this);
    this.streams.set(stream.localId, stream);
    this.sendOkay(stream.localId, remoteId);
    this.applyFault(stream, route.kind === 'command' ? route.commandLine : service);
    if (stream.silent) return;
    void this.serve(stream, route);
  }

  private applyFault(stream: DeviceStream, command: string): void {
    const faults = this.options.faults();
    const fault = faultFor(faults, command);
    const after = faults.faultAfterBytes ?? DEFAULT_FAULT_AFTER_BYTES;
    if (fault === 'silent') stream.silent = true;
    else if (fault === 'truncate') stream.limitOutput(after, () => stream.close());
    else if (fault === 'disconnect') stream.limitOutput(after, () => this.faultDrop());
  }

  private async serve(stream: DeviceStream, route: Route): Promise<void> {
    try {
      if (route.kind === 'sync') await serveSync(stream, this.options.phone);
      else await serveCommand(stream, this.options.phone, route.commandLine, route.framing);
    } catch {
      // A write that failed because the stream or link closed: nothing is left to tell the host.
    }
    if (!stream.isClosed) stream.close();
  }

  private teardown(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.acceptTimer) clearTimeout(this.acceptTimer);
    for (const stream of [...this.streams.values()]) stream.onRemoteClose(false);
    this.streams.clear();
    this.onClosed(this);
  }
}
