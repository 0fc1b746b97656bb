import type { DeviceState } from '../../common/domain/report.js';
import type { DeviceListItem } from '../../common/ipc/contract.js';

/** What each adb state means to the engineer, and what to do about it. */
export const STATE_BADGES: Record<DeviceState, { label: string; action: string | null }> = {
  device: { label: 'Ready', action: null },
  unauthorized: { label: 'Unauthorized', action: 'Unlock the phone and accept "Allow USB debugging?" (tick "Always allow from this computer").' },
  offline: { label: 'Offline', action: 'Reconnect the USB cable or run `adb reconnect`, then unlock the phone.' },
  'no-permissions': { label: 'No permission', action: 'Linux: add a udev rule for the phone (e.g. /etc/udev/rules.d/51-android.rules), join the plugdev group, then replug.' },
  gone: { label: 'Disconnected', action: 'Plug the phone back in.' },
};

/** "Xiaomi 23049PCD8G · Android 14 · HyperOS OS1.0.5.0", using what is known so far. */
export function identityLine(device: DeviceListItem): string {
  const id = device.identity;
  const maker = id?.manufacturer ?? null;
  const model = id?.model ?? device.model ?? null;
  const parts = [
    [maker, model].filter(Boolean).join(' ') || null,
    id?.android ? `Android ${id.android.release}` : null,
    id?.rom && id.rom.name !== 'Android' ? [id.rom.name, id.rom.version].filter(Boolean).join(' ') : null,
  ].filter((p): p is string => !!p);
  return parts.join(' · ');
}
