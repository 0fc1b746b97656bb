import type { AdbConnection } from './adb-socket.js';
import { AdbFailError } from './adb-socket.js';
import { DevicePortError } from './device-port.js';

/**
 * The sync protocol's RECV (AOSP adb file_sync_protocol.h): after `sync:` is accepted we send
 * `RECV` + u32le length + path; the device answers DATA chunks (u32le length, ≤ 64 KiB each), then
 * DONE, or FAIL + u32le length + message (AdbFailError). A connection that ends before DONE was cut short.
 */
export async function syncRecv(connection: AdbConnection, remotePath: string, maxBytes: number): Promise<Buffer> {
  const path = Buffer.from(remotePath, 'utf8');
  const header = Buffer.alloc(8);
  header.write('RECV', 0, 'latin1');
  header.writeUInt32LE(path.length, 4);
  connection.write(Buffer.concat([header, path]));
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
    if (total > maxBytes) throw new DevicePortError('COMMAND_FAILED', `${remotePath} is larger than the ${maxBytes} bytes we accept`);
    chunks.push(await connection.readExactly(length, 'sync data'));
  }
}
