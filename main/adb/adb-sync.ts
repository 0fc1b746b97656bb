import type { AdbConnection } from './adb-socket.js';
import { AdbFailError } from './adb-socket.js';
import { DevicePortError } from './device-port.js';

/**
 * The sync protocol (AOSP adb file_sync_protocol.h). After `sync:` is accepted each request is a 4-byte id,
 * a u32le length and the path.
 */

function request(connection: AdbConnection, id: 'STAT' | 'RECV', remotePath: string): void {
  const path = Buffer.from(remotePath, 'utf8');
  const header = Buffer.alloc(8);
  header.write(id, 0, 'latin1');
  header.writeUInt32LE(path.length, 4);
  connection.write(Buffer.concat([header, path]));
}

/**
 * STAT: the reply is `STAT` + mode, size, mtime (u32le each). A path that does not exist answers all zeros,
 * so mode 0 means "no such file" (null here; RECV then fails with the phone's own message). The size is
 * 32-bit: a file of 4 GiB or more reads wrong, far above what we accept anyway.
 */
export async function syncStat(connection: AdbConnection, remotePath: string): Promise<{ mode: number; size: number } | null> {
  request(connection, 'STAT', remotePath);
  const reply = await connection.readExactly(16, 'a sync STAT reply');
  const id = reply.toString('latin1', 0, 4);
  if (id !== 'STAT') throw new DevicePortError('COMMAND_FAILED', `Unexpected sync reply ${JSON.stringify(id)} to STAT ${remotePath}`);
  const mode = reply.readUInt32LE(4);
  return mode === 0 ? null : { mode, size: reply.readUInt32LE(8) };
}

/**
 * RECV: the device answers DATA chunks (u32le length, ≤ 64 KiB each), then DONE, or FAIL + u32le length +
 * message (AdbFailError). A connection that ends before DONE was cut short. `onData` sees the running total.
 */
export async function syncRecv(
  connection: AdbConnection, remotePath: string, maxBytes: number, onData?: (bytes: number) => void,
): Promise<Buffer> {
  request(connection, 'RECV', remotePath);
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const head = await connection.readExactly(8, 'a sync reply');
    const id = head.toString('latin1', 0, 4);
    const length = head.readUInt32LE(4);
    if (id === 'DONE') return Buffer.concat(chunks, total);
    if (id === 'FAIL') throw new AdbFailError((await connection.readExactly(length, 'a sync failure')).toString('utf8'));
    if (id !== 'DATA' || length > 256 * 1024) {
      throw new DevicePortError('COMMAND_FAILED', `Unexpected sync reply ${JSON.stringify(id)} (length ${length}) pulling ${remotePath}`);
    }
    total += length;
    if (total > maxBytes) throw tooLarge(remotePath, maxBytes);
    chunks.push(await connection.readExactly(length, 'sync data'));
    onData?.(total);
  }
}

export function tooLarge(remotePath: string, maxBytes: number): DevicePortError {
  return new DevicePortError('COMMAND_FAILED', `${remotePath} is larger than the ${maxBytes} bytes we accept`);
}
