import { randomBytes } from 'node:crypto';
import type { Vendor } from '../../common/domain/facts.js';
import type { DevicePort, DeviceRef } from '../adb/device-port.js';
import { scanPushLog } from '../probes/push-log/push-log.js';

/** The app's push token as its SDK logged it (TUIOfflinePush / vendor lines), newest first; null when none was logged. */
export async function tokenFromLog(port: Pick<DevicePort, 'shell'>, ref: DeviceRef, app: string): Promise<{ token: string; vendor: Vendor | null } | null> {
  const log = await port.shell(ref, 'logcat -d -v threadtime', { timeoutMs: 30_000 }).catch(() => null);
  if (!log) return null;
  const events = scanPushLog(log.output, app).events;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.kind === 'token-received') return { token: e.token, vendor: e.vendor };
    if (e.kind === 'token-config') return { token: e.token, vendor: null };
  }
  return null;
}

/** A test push text no earlier push matches: the time and a random nonce, so the watcher never takes an old post for it. */
export function uniquePushText(now: number = Date.now()): string {
  return `Offline push test ${new Date(now).toISOString().slice(11, 19)} #${randomBytes(3).toString('hex')}`;
}
