import type { GmsFact, PushChannel } from '../../common/domain/facts.js';

export interface BrandInput {
  brand: string | null;
  manufacturer: string | null;
  /** Google Play services usable on the phone; only consulted when no vendor matches. */
  gmsAvailable: boolean | null;
}

/**
 * The channel TUIOfflinePush will register with on this phone, mirroring
 * TIMSDK `tuiofflinepush/utils/BrandUtil.getInstanceType()` @6b048d53 (the version with an Honor branch):
 * Xiaomi → Honor → Huawei → Meizu → OPPO → vivo → FCM when Google Play services is available → none.
 * Comparison is equalsIgnoreCase on Build.BRAND and Build.MANUFACTURER, so sub-brands (Redmi, POCO, iQOO)
 * are caught through the manufacturer. `MzSystemUtils.isBrandMeizu(ctx)` cannot be replayed over adb;
 * Meizu phones report "meizu" in BRAND or MANUFACTURER anyway.
 *
 * Returns null when the answer depends on a value we could not read: brand or manufacturer unknown,
 * or no vendor matched and Google Play services availability is unknown.
 */
export function pickPushChannel({ brand, manufacturer, gmsAvailable }: BrandInput): PushChannel | null {
  if (brand === null || manufacturer === null) return null;
  const b = brand.trim().toLowerCase();
  const m = manufacturer.trim().toLowerCase();
  const either = (...names: string[]): boolean => names.includes(b) || names.includes(m);

  if (either('xiaomi')) return 'xiaomi';
  // Only a phone made *and* branded by Honor uses Honor push; an old Honor (manufacturer HUAWEI) stays on HMS.
  if (b === 'honor' && m === 'honor') return 'honor';
  if (either('huawei') || b === 'honor') return 'huawei';
  // "22c4185e" is a Meizu build's BRAND value that BrandUtil lists explicitly.
  if (either('meizu') || b === '22c4185e') return 'meizu';
  if (either('oppo', 'realme', 'oneplus')) return 'oppo';
  if (either('vivo')) return 'vivo';
  if (gmsAvailable === null) return null;
  return gmsAvailable ? 'fcm' : 'none';
}

/** Google Play services usable for FCM (installed and enabled), the `gmsAvailable` input above; null while unknown. */
export function gmsUsable(gms: GmsFact | null): boolean | null {
  if (gms === null || gms.installed === null) return null;
  if (!gms.installed) return false;
  return gms.enabled;
}
