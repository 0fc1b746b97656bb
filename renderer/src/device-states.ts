import { STATE_HINTS } from '../../common/domain/device-hints.js';
import type { DeviceState } from '../../common/domain/report.js';
import type { DeviceListItem } from '../../common/ipc/contract.js';

/** What each adb state means to the engineer, and what to do about it (the same words the CLI and reports use). */
export const STATE_BADGES: Record<DeviceState, { label: string; action: string | null }> = {
  device: { label: 'Ready', action: null },
  unauthorized: { label: 'Unauthorized', action: STATE_HINTS.unauthorized },
  offline: { label: 'Offline', action: STATE_HINTS.offline },
  'no-permissions': { label: 'No permission', action: STATE_HINTS['no-permissions'] },
  gone: { label: 'Disconnected', action: STATE_HINTS.gone },
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
