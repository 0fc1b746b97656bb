import type { AndroidVersion, RomFact, RomName } from '../../../common/domain/facts.js';
import { MARKET_NAME_PROPS, ROMS, type RomVersionFormat } from '../../../common/vendors/vendor-table.js';
import type { Cited } from '../parse-result.js';
import { firstProp } from './getprop.js';

/**
 * Identity, Android version and ROM from `getprop`. Build.BRAND/MANUFACTURER/MODEL/DEVICE read
 * `ro.product.*`, falling back (Android 10+) through `ro.product.<partition>.*` in the order of
 * `ro.product.property_source_order` — the same rule here, so an output cut to some partitions still
 * gives the value the app sees. The Android version prefers the system image (`ro.build.*`,
 * `ro.system.build.*`), never the vendor image, which lags behind after OS updates. ROMs and their properties
 * come from the vendor table (ROMS).
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

/** The marketing name: the first of the vendor table's marketing-name properties set to something other than blanks. */
export function marketName(props: Props): PropValue | null {
  for (const name of MARKET_NAME_PROPS) {
    const p = props.get(name);
    const value = p?.value.trim() ?? '';
    if (p && value !== '') return { value, name, line: p.line };
  }
  return null;
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

function detected(name: RomName, version: string | null, ...lines: (string | null | undefined)[]): RomDetection {
  const kept = lines.filter((l): l is string => typeof l === 'string' && l !== '');
  return { rom: { name, version }, lines: [...new Set(kept)] };
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

function formatVersion(raw: string, format: RomVersionFormat): string | null {
  const v = raw.trim();
  switch (format) {
    case 'as-is': return v || null;
    case 'first-number': return /(\d+(?:\.\d+)*)/.exec(v)?.[1] ?? null;
    case 'one-ui-code': return oneUiVersion(v);
    case 'after-flyme': return v.replace(/^flyme\s*(?:os\s*)?/i, '') || null;
  }
}

/**
 * Which ROM the phone runs: the first of the vendor table's ROMS (in its order) that a marker property or the
 * maker's brand names, with the version from the ROM's version properties. Android when none does.
 */
export function detectRom(props: Props, brand: string | null, manufacturer: string | null): RomDetection {
  const has = (name: string): Cited<string> | undefined => {
    const p = props.get(name);
    return p && p.value.trim() !== '' ? p : undefined;
  };
  const makers = [brand, manufacturer].map((s) => (s ?? '').trim().toLowerCase());
  for (const rom of ROMS) {
    const marker = rom.markers.map((m) => ({ m, p: has(m.prop) }))
      .find(({ m, p }) => p !== undefined && (m.pattern === undefined || new RegExp(m.pattern, 'i').test(p.value.trim())))?.p;
    const byBrand = marker === undefined && (rom.brands ?? []).some((b) => makers.includes(b));
    if (!marker && !byBrand) continue;
    const evidence = marker?.line ?? has('ro.product.brand')?.line ?? has('ro.product.manufacturer')?.line;
    if (rom.versionFromMarker) return detected(rom.name, marker ? formatVersion(marker.value, rom.versionFormat) : null, evidence);
    for (const prop of rom.versionProps) {
      const p = has(prop);
      const version = p ? formatVersion(p.value, rom.versionFormat) : null;
      if (p && version !== null) return detected(rom.name, version, evidence, p.line);
    }
    return detected(rom.name, null, evidence);
  }
  const release = has('ro.build.version.release');
  return detected('Android', release ? release.value.trim() : null, release?.line);
}
