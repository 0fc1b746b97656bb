import { connect, type Socket } from 'node:net';
import { A_CLSE, A_CNXN, A_OKAY, A_VERSION, A_WRTE, encodePacket, isDecodeError, PacketDecoder, type Packet } from './packet.js';

/**
 * The adb server's side of the transport, reduced to what the daemon's unit tests need: it records
 * every packet and lets a test send any packet, so the tests can check flow control and limits that
 * the real server hides.
 */
export class TestHost {
  readonly received: Packet[] = [];
  private readonly decoder = new PacketDecoder(16 * 1024 * 1024);
  /** Packets no waiter took yet, so one that arrives early is not lost. */
  private unclaimed: Packet[] = [];
  private waiters: { match: (packet: Packet) => boolean; resolve: (packet: Packet) => void; reject: (error: Error) => void }[] = [];
  private closedFlag = false;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const packet of this.decoder.push(chunk)) {
        if (isDecodeError(packet)) throw new Error(packet.error);
        this.received.push(packet);
        const waiter = this.waiters.find((candidate) => candidate.match(packet));
        if (waiter) {
          this.waiters = this.waiters.filter((candidate) => candidate !== waiter);
          waiter.resolve(packet);
        } else {
          this.unclaimed.push(packet);
        }
      }
    });
    socket.on('close', () => {
      this.closedFlag = true;
      for (const waiter of this.waiters.splice(0)) waiter.reject(new Error('connection closed'));
    });
  }

  static async connect(port: number): Promise<TestHost> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return new TestHost(socket);
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  send(command: number, arg0: number, arg1: number, data?: Buffer | string): void {
    this.socket.write(encodePacket(command, arg0, arg1, typeof data === 'string' ? Buffer.from(data) : data));
  }

  sendConnect(maxPayload = 1024 * 1024): void {
    this.send(A_CNXN, A_VERSION, maxPayload, 'host::features=shell_v2,cmd,stat_v2,ls_v2');
  }

  /** Resolves with the oldest packet not taken before that matches, waiting for it if need be. */
  next(match: (packet: Packet) => boolean, timeoutMs = 2000): Promise<Packet> {
    const early = this.unclaimed.findIndex(match);
    if (early >= 0) return Promise.resolve(this.unclaimed.splice(early, 1)[0] as Packet);
    if (this.closedFlag) return Promise.reject(new Error('connection closed'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a packet')), timeoutMs);
      this.waiters.push({
        match,
        resolve: (packet) => {
          clearTimeout(timer);
          resolve(packet);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
  }

  /**
   * Reads one stream to its end like the adb server: OKAY after each WRTE, CLSE in answer to the
   * device's. Resolves with the bytes and the size of every WRTE.
   */
  async readStream(hostId: number, timeoutMs = 10_000): Promise<{ data: Buffer; writes: number[] }> {
    const parts: Buffer[] = [];
    for (;;) {
      const packet = await this.next((p) => (p.command === A_WRTE || p.command === A_CLSE) && p.arg1 === hostId, timeoutMs);
      if (packet.command === A_CLSE) {
        this.send(A_CLSE, hostId, packet.arg0);
        return { data: Buffer.concat(parts), writes: parts.map((part) => part.length) };
      }
      parts.push(packet.data);
      this.send(A_OKAY, hostId, packet.arg0);
    }
  }

  /** Waits until the connection is closed by the other side, or rejects after the timeout. */
  waitClosed(timeoutMs = 2000): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.closedFlag) return resolve();
      const timer = setTimeout(() => reject(new Error('connection still open')), timeoutMs);
      this.socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  close(): void {
    this.socket.destroy();
  }
}
