import type { AndroidVersion, RomFact, RomName } from '../../../common/domain/facts.js';
import { VENDORS } from '../../../common/vendors/vendor-table.js';
import type { Cited } from '../parse-result.js';
import { firstProp } from './getprop.js';

/**
 * Identity, Android version and ROM from `getprop`. Build.BRAND/MANUFACTURER/MODEL/DEVICE read
 * `ro.product.*`, falling back (Android 10+) through `ro.product.<partition>.*` in the order of
 * `ro.product.property_source_order` — the same rule here, so an output cut to some partitions still
 * gives the value the app sees. The Android version prefers the system image (`ro.build.*`,
 * `ro.system.build.*`), never the vendor image, which lags behind after OS updates.
 */
export type Props = Map<string, Cited<string>>;

export interface PropValue {
  value: string;
  name: string;
  line: string;
}

const DEFAULT_SOURCE_ORDER = ['odm', 'vendor', 'product', 'system_ext', 'system'];

export function productProp(props: Props, field: 'brand' | 'manufacturer' | 'model' | 'device' | 'name'): PropValue | null {
  const order = props.get('ro.product.property_source_order')?.value.split(',').map((s) => s.trim()).filter(Boolean)
    ?? DEFAULT_SOURCE_ORDER;
  const names = [`ro.product.${field}`, ...order.map((p) => `ro.product.${p}.${field}`)];
  const hit = firstProp(props, names);
  return hit ? { value: hit.value.trim(), name: hit.name, line: hit.line } : null;
}

export function androidVersion(props: Props): { version: AndroidVersion; lines: string[] } | null {
  const release = firstProp(props, [
    'ro.build.version.release', 'ro.build.version.release_or_codename',
    'ro.system.build.version.release', 'ro.product.build.version.release',
  ]);
  const sdk = firstProp(props, ['ro.build.version.sdk', 'ro.system.build.version.sdk', 'ro.product.build.version.sdk']);
  const sdkNumber = sdk ? Number(sdk.value.trim()) : NaN;
  if (!release || !Number.isInteger(sdkNumber) || sdkNumber <= 0) return null;
  return { version: { release: release.value.trim(), sdk: sdkNumber }, lines: [release.line, sdk?.line ?? ''] };
}

export interface RomDetection {
  rom: RomFact;
  lines: string[];
}

function romProps(name: RomName): readonly string[] {
  for (const vendor of Object.values(VENDORS)) {
    const rom = vendor.roms.find((r) => r.name === name);
    if (rom) return rom.versionProps;
  }
  return [];
}

function versionOf(props: Props, name: RomName): { version: string | null; line: string | null } {
  const hit = firstProp(props, romProps(name));
  return { version: hit ? hit.value.trim() : null, line: hit ? hit.line : null };
}

function detected(name: RomName, version: string | null, ...lines: (string | null | undefined)[]): RomDetection {
  return { rom: { name, version }, lines: lines.filter((l): l is string => typeof l === 'string' && l !== '') };
}

/** One UI encodes its version as major*10000 + minor*100 + patch: 60101 → "6.1.1", 80000 → "8.0". */
export function oneUiVersion(raw: string): string | null {
  const n = Number(raw.trim());
  if (!Number.isInteger(n) || n < 10000) return null;
  const major = Math.floor(n / 10000);
  const minor = Math.floor(n / 100) % 100;
  const patch = n % 100;
  return patch > 0 ? `${major}.${minor}.${patch}` : `${major}.${minor}`;
}

/** ROMs recognised by a property only they set, in the order they must be tried. */
const MARKED_ROMS: readonly { name: RomName; markers: readonly string[] }[] = [
  { name: 'HyperOS', markers: ['ro.mi.os.version.name', 'ro.mi.os.version.incremental'] },
  { name: 'MIUI', markers: ['ro.miui.ui.version.name'] },
  { name: 'HarmonyOS', markers: ['hw_sc.build.platform.version', 'ro.build.ohos.devicetype'] },
  { name: 'MagicOS', markers: ['ro.build.version.magic', 'msc.config.magic.version'] },
  { name: 'EMUI', markers: ['ro.build.version.emui'] },
];

/**
 * Which ROM the phone runs. Order matters: HyperOS phones keep `ro.miui.ui.version.name` (V816),
 * HarmonyOS phones keep `ro.build.version.emui`, OnePlus phones carry ColorOS's `oplusrom` property.
 */
export function detectRom(props: Props, brand: string | null, manufacturer: string | null): RomDetection {
  const has = (name: string): Cited<string> | undefined => {
    const p = props.get(name);
    return p && p.value.trim() !== '' ? p : undefined;
  };
  const makers = [brand, manufacturer].map((s) => (s ?? '').trim().toLowerCase());

  for (const rom of MARKED_ROMS) {
    const marker = firstProp(props, rom.markers);
    if (marker) {
      const v = versionOf(props, rom.name);
      return detected(rom.name, v.version, marker.line, v.line);
    }
  }
  const oxygen = has('ro.oxygen.version');
  if (oxygen || makers.includes('oneplus')) {
    // OnePlus global builds are OxygenOS whether or not they still print ro.oxygen.version (OOS 12+ share ColorOS's base).
    const v = versionOf(props, 'OxygenOS');
    const evidence = oxygen?.line ?? has('ro.product.brand')?.line ?? has('ro.product.manufacturer')?.line;
    return detected('OxygenOS', v.version, evidence, v.line);
  }
  const color = has('ro.build.version.oplusrom') ?? has('ro.build.version.opporom');
  if (color) {
    const v = versionOf(props, 'ColorOS');
    return detected('ColorOS', v.version, color.line, v.line);
  }
  const vivoDisplay = has('ro.vivo.os.build.display.id');
  const vivoName = has('ro.vivo.os.name');
  if (vivoDisplay || vivoName || has('ro.vivo.os.version')) {
    const label = `${vivoDisplay?.value ?? ''} ${vivoName?.value ?? ''}`.toLowerCase();
    const name: RomName = label.includes('origin') ? 'OriginOS' : 'Funtouch OS';
    const display = vivoDisplay?.value.trim() ?? '';
    const fromDisplay = /(\d+(?:\.\d+)*)/.exec(display)?.[1] ?? null;
    const osVersion = has('ro.vivo.os.version');
    return detected(name, fromDisplay ?? osVersion?.value.trim() ?? null, vivoDisplay?.line ?? vivoName?.line ?? osVersion?.line);
  }
  const flymeId = has('ro.flyme.version.id');
  const display = has('ro.build.display.id');
  if (flymeId || (display && /^flyme\b/i.test(display.value.trim()))) {
    const source = display && /^flyme\b/i.test(display.value.trim()) ? display : flymeId;
    const version = source ? source.value.trim().replace(/^flyme\s*(?:os\s*)?/i, '') || null : null;
    return detected('Flyme', version, source?.line);
  }
  const oneui = has('ro.build.version.oneui');
  if (oneui) return detected('One UI', oneUiVersion(oneui.value), oneui.line);

  const release = has('ro.build.version.release');
  return detected('Android', release ? release.value.trim() : null, release?.line);
}
