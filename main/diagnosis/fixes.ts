import { assertSafePackageName, isSafePackageName, shellQuote } from '../adb/shell-safety.js';
import { FIXES, PKG, type FixId, type FixSpec } from '../../common/fixes/fix-catalog.js';
import type { SettingsScreen, VendorEntry } from '../../common/vendors/vendor-table.js';

export { FIX_IDS, FIXES, type FixId, type FixSpec } from '../../common/fixes/fix-catalog.js';

/** The fix catalog (common/fixes/fix-catalog.ts) turned into command lines for one phone and app. */
export interface FixPlan {
  fix: FixSpec;
  /** Command lines ready for `adb shell`. */
  commands: string[];
  /** `all`: run every command; `first-success`: alternatives, stop at the first that starts. */
  mode: 'all' | 'first-success';
}

export interface FixInput {
  /** Package of the app under test or of the push service, per `FixSpec.target`. */
  pkg: string | null;
  sdk: number | null;
  vendor: VendorEntry | null;
}

export type FixPlanResult = { ok: true; plan: FixPlan } | { ok: false; reason: string };

/** Builds the command lines for a fix; package names are validated before they reach a shell line. */
export function planFix(id: FixId, input: FixInput): FixPlanResult {
  const fix = FIXES[id];
  if (input.sdk !== null && input.sdk < fix.minSdk) {
    return { ok: false, reason: `${fix.title} needs Android API ${fix.minSdk}+; this phone is API ${input.sdk}.` };
  }
  let quoted = '';
  if (fix.target !== 'none') {
    if (input.pkg === null) return { ok: false, reason: `${fix.title} needs a package name.` };
    if (!isSafePackageName(input.pkg)) return { ok: false, reason: `Not an Android package name: ${JSON.stringify(input.pkg.slice(0, 80))}` };
    quoted = shellQuote(assertSafePackageName(input.pkg));
  }
  const stock = fix.commands.map((c) => c.split(PKG).join(quoted));
  if (!fix.vendorScreens) return { ok: true, plan: { fix, commands: stock, mode: 'all' } };
  const screens = input.vendor ? input.vendor[fix.vendorScreens] : [];
  return { ok: true, plan: { fix, commands: [...screens.map(screenCommand), ...stock], mode: 'first-success' } };
}

/** `am start` for a vendor screen; component and action names come from the vendor table, still quoted. */
export function screenCommand(screen: SettingsScreen): string {
  if (screen.component) return `am start -n ${shellQuote(screen.component)}`;
  return `am start -a ${shellQuote(screen.action ?? 'android.settings.SETTINGS')}`;
}
