import type { GmsFact, PushChannel } from '../../common/domain/facts.js';
import { brandMatches, CHANNEL_PRIORITY, VENDORS } from '../../common/vendors/vendor-table.js';

export interface BrandInput {
  brand: string | null;
  manufacturer: string | null;
  /** Google Play services usable on the phone; only consulted when no vendor matches. */
  gmsAvailable: boolean | null;
}

/**
 * The channel TUIOfflinePush will register with on this phone, mirroring TIMSDK
 * `tuiofflinepush/utils/BrandUtil.getInstanceType()`: the vendor table's channels in CHANNEL_PRIORITY order
 * (Xiaomi → Honor → Huawei → Meizu → OPPO → vivo), each matched by its `brands` (equalsIgnoreCase on
 * Build.BRAND or Build.MANUFACTURER), then FCM when Google Play services is available, else none.
 * `MzSystemUtils.isBrandMeizu(ctx)` cannot be replayed over adb; Meizu phones report "meizu" in BRAND or
 * MANUFACTURER anyway.
 *
 * Returns null when the answer depends on a value we could not read: brand or manufacturer unknown,
 * or no vendor matched and Google Play services availability is unknown.
 */
export function pickPushChannel({ brand, manufacturer, gmsAvailable }: BrandInput): PushChannel | null {
  if (brand === null || manufacturer === null) return null;
  const b = brand.trim().toLowerCase();
  const m = manufacturer.trim().toLowerCase();
  const vendor = CHANNEL_PRIORITY.find((v) => brandMatches(VENDORS[v], b, m));
  if (vendor) return vendor;
  if (gmsAvailable === null) return null;
  return gmsAvailable ? 'fcm' : 'none';
}

/** Google Play services usable for FCM (installed and enabled), the `gmsAvailable` input above; null while unknown. */
export function gmsUsable(gms: GmsFact | null): boolean | null {
  if (gms === null || gms.installed === null) return null;
  if (!gms.installed) return false;
  return gms.enabled;
}
