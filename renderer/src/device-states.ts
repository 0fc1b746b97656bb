import { phoneName } from '../../common/domain/phone-name.js';
import { stateHints } from '../../common/domain/device-hints.js';
import type { Locale } from '../../common/i18n/locale.js';
import type { PushChannel } from '../../common/domain/facts.js';
import type { DeviceReport, DeviceState } from '../../common/domain/report.js';
import type { DeviceListItem } from '../../common/ipc/contract.js';
import { brandMatches, CHANNEL_PRIORITY, VENDORS } from '../../common/vendors/vendor-table.js';

/** The catalog key of each adb state's label, and what to do about it (the same words the CLI and reports use). */
export const STATE_BADGES: { readonly [S in DeviceState]: { label: `ui.state.${S}` } } = {
  device: { label: 'ui.state.device' },
  unauthorized: { label: 'ui.state.unauthorized' },
  offline: { label: 'ui.state.offline' },
  'no-permissions': { label: 'ui.state.no-permissions' },
  gone: { label: 'ui.state.gone' },
};

/** What to do about a phone in this state, in the reader's language; null when it is ready. */
export function stateAction(state: DeviceState, locale: Locale): string | null {
  return state === 'device' ? null : stateHints(locale)[state];
}

/** "Xiaomi POCO F5 (23049PCD8G) · Android 14 · HyperOS OS1.0.5.0", using what is known so far (proper names, not messages). */
export function identityLine(device: DeviceListItem): string {
  const id = device.identity;
  const parts = [
    makerAndModel(device),
    id?.android ? `Android ${id.android.release}` : null,
    id?.rom && id.rom.name !== 'Android' ? [id.rom.name, id.rom.version].filter(Boolean).join(' ') : null,
  ].filter((p): p is string => !!p);
  return parts.join(' · ');
}

export function makerAndModel(device: DeviceListItem): string | null {
  const id = device.identity;
  return phoneName({ ...id, model: id?.model ?? device.model ?? null });
}

/**
 * The push channel TUIOfflinePush will use: the audit's answer when there is one, else what the brand alone
 * says (a vendor brand decides it; otherwise FCM or none depends on Google Play services, read by the audit).
 */
export function channelOf(device: DeviceListItem, report: DeviceReport | null): { channel: PushChannel | null; fromAudit: boolean } {
  if (report?.facts.pushChannel) return { channel: report.facts.pushChannel, fromAudit: true };
  const brand = device.identity?.brand?.toLowerCase() ?? null;
  const maker = device.identity?.manufacturer?.toLowerCase() ?? null;
  if (brand === null || maker === null) return { channel: null, fromAudit: false };
  return { channel: CHANNEL_PRIORITY.find((v) => brandMatches(VENDORS[v], brand, maker)) ?? null, fromAudit: false };
}

export function channelName(channel: PushChannel): string {
  return channel === 'none' ? 'none' : VENDORS[channel].displayName;
}
