/**
 * ADB transport messages as adbd sends and reads them: a 24-byte header of six little-endian u32
 * (command, arg0, arg1, data_length, data_check, magic) followed by the payload.
 * See AOSP system/core/adb/protocol.txt and adb.h (amessage).
 */

export const A_CNXN = 0x4e584e43;
export const A_AUTH = 0x48545541;
export const A_OPEN = 0x4e45504f;
export const A_OKAY = 0x59414b4f;
export const A_CLSE = 0x45534c43;
export const A_WRTE = 0x45545257;

export const A_VERSION = 0x01000001;
export const HEADER_SIZE = 24;
/** MAX_PAYLOAD of adbd since Android 9. */
export const DEVICE_MAX_PAYLOAD = 1024 * 1024;

export const AUTH_TOKEN = 1;
export const AUTH_SIGNATURE = 2;
export const AUTH_RSAPUBLICKEY = 3;

export interface Packet {
  command: number;
  arg0: number;
  arg1: number;
  data: Buffer;
}

export function encodePacket(command: number, arg0: number, arg1: number, data: Buffer = Buffer.alloc(0)): Buffer {
  const out = Buffer.allocUnsafe(HEADER_SIZE + data.length);
  let check = 0;
  for (const byte of data) check += byte;
  out.writeUInt32LE(command >>> 0, 0);
  out.writeUInt32LE(arg0 >>> 0, 4);
  out.writeUInt32LE(arg1 >>> 0, 8);
  out.writeUInt32LE(data.length, 12);
  out.writeUInt32LE(check >>> 0, 16);
  out.writeUInt32LE((command ^ 0xffffffff) >>> 0, 20);
  data.copy(out, HEADER_SIZE);
  return out;
}

export type DecodeError = { error: string };

/**
 * Accumulates TCP bytes and yields whole packets. The server's data_check is not verified: from
 * version 0x01000001 on it sends 0 there.
 */
export class PacketDecoder {
  private buffered: Buffer = Buffer.alloc(0);

  constructor(private readonly maxPayload: number) {}

  push(chunk: Buffer): (Packet | DecodeError)[] {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const packets: (Packet | DecodeError)[] = [];
    while (this.buffered.length >= HEADER_SIZE) {
      const command = this.buffered.readUInt32LE(0);
      const length = this.buffered.readUInt32LE(12);
      const magic = this.buffered.readUInt32LE(20);
      if (magic !== (command ^ 0xffffffff) >>> 0) {
        packets.push({ error: `bad magic 0x${magic.toString(16)} for command 0x${command.toString(16)}` });
        this.buffered = Buffer.alloc(0);
        break;
      }
      if (length > this.maxPayload) {
        packets.push({ error: `payload of ${length} bytes exceeds ${this.maxPayload}` });
        this.buffered = Buffer.alloc(0);
        break;
      }
      if (this.buffered.length < HEADER_SIZE + length) break;
      packets.push({
        command,
        arg0: this.buffered.readUInt32LE(4),
        arg1: this.buffered.readUInt32LE(8),
        data: Buffer.from(this.buffered.subarray(HEADER_SIZE, HEADER_SIZE + length)),
      });
      this.buffered = this.buffered.subarray(HEADER_SIZE + length);
    }
    return packets;
  }
}

export function isDecodeError(value: Packet | DecodeError): value is DecodeError {
  return 'error' in value;
}
