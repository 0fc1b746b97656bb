import type { BatchItem, DevicePort, ShellResult } from '../adb/device-port.js';
import type { SimPhone } from '../../test/sim/android/phone.js';
import { captureIo } from '../../test/sim/android/testing/capture-io.js';

/**
 * The shell half of a DevicePort answered by a simulated phone in-process (no adb server): what the executor
 * runs changes the phone's state as on a real one, and every command line is recorded, in order.
 */
export function simShellPort(phone: SimPhone): Pick<DevicePort, 'shell' | 'shellBatch'> & { ran: string[] } {
  const ran: string[] = [];
  async function shell(_ref: unknown, command: string): Promise<ShellResult> {
    ran.push(command);
    const cap = captureIo();
    const code = await phone.run(command, cap.io);
    // As legacy `shell:` gives it: stderr mixed into the one stream.
    return { output: cap.stdout() + cap.stderr(), exitCode: code, durationMs: 0 };
  }
  return {
    ran,
    shell,
    async shellBatch(ref, commands) {
      const items: BatchItem[] = [];
      for (const command of commands) items.push({ ok: true, command, result: await shell(ref, command) });
      return items;
    },
  };
}
