import {
  GOOGLE_SERVICES_STRINGS, type AgconnectConfig, type ApkFacts, type ApkNamedString,
} from '../../common/domain/apk.js';
import { ApkError, apkResult, apkResultSync, type ApkResult } from './apk-error.js';
import { decodeBinaryXml } from './binary-xml.js';
import { manifestFacts } from './manifest-facts.js';
import { decodeResourceTable, type ResourceTable } from './resource-table.js';
import { DEFAULT_ENTRY_CAP, openZip, type ZipArchive } from './zip-reader.js';

/**
 * One APK in, the facts section 2 of the checklist needs out: the manifest, the named resource strings, the
 * asset list and agconnect-services.json. Reads three entries whatever the APK's size. Never throws: an
 * unreadable APK or manifest is a failed result with the reason; an unreadable resource table only makes the
 * facts that need it unknown (`resourcesError`).
 */

export const AGCONNECT_ASSET = 'agconnect-services.json';
/** agconnect-services.json is a few hundred bytes; anything near this is not one. */
const MAX_JSON_BYTES = 1 << 20;
const MAX_MANIFEST_BYTES = 16 << 20;

export interface InspectOptions {
  /** String resources to read by name besides the google-services ones. */
  strings?: readonly string[];
  /** Cap on any entry's inflated size (resources.arsc is the big one). */
  maxEntryBytes?: number;
}

export async function inspectApk(path: string, options: InspectOptions = {}): Promise<ApkResult<ApkFacts>> {
  return apkResult(path, 'io', async () => {
    const zip = await openZip(path);
    try {
      return await inspect(zip, options);
    } finally {
      await zip.close();
    }
  });
}

async function inspect(zip: ZipArchive, options: InspectOptions): Promise<ApkFacts> {
  const cap = options.maxEntryBytes ?? DEFAULT_ENTRY_CAP;
  const manifestBytes = await zip.read('AndroidManifest.xml', { maxBytes: Math.min(cap, MAX_MANIFEST_BYTES) });
  const xml = decodeBinaryXml(manifestBytes);

  const names = [...new Set([...GOOGLE_SERVICES_STRINGS, ...(options.strings ?? [])])];
  let table: ResourceTable | null = null;
  let resourcesError: string | null = null;
  if (!zip.entries.has('resources.arsc')) {
    resourcesError = 'the APK has no resources.arsc';
  } else {
    const decoded = await apkResult('resources.arsc', 'bad-table', async () => decodeResourceTable(await zip.read('resources.arsc', { maxBytes: cap })));
    if (decoded.ok) table = decoded.value;
    else resourcesError = decoded.reason;
  }

  // The table is read lazily: a corrupt entry surfaces during lookups. Then the table-backed facts become
  // unknown (references unresolved, no strings) rather than the whole APK unreadable.
  let manifest;
  let strings: ApkNamedString[] = [];
  try {
    manifest = manifestFacts(xml.root, table);
    if (table) strings = namedStrings(table, names, manifest.package);
  } catch (error) {
    if (!(error instanceof ApkError) || !table) throw error;
    resourcesError = `resources.arsc: ${error.message}`;
    manifest = manifestFacts(xml.root, null);
  }
  const assets = [...zip.entries.keys()].filter((n) => n.startsWith('assets/') && !n.endsWith('/')).map((n) => n.slice('assets/'.length));
  const agconnect = assets.includes(AGCONNECT_ASSET) ? await readAgconnect(zip) : null;
  return { manifest, assets, agconnect, strings, resourcesError };
}

async function readAgconnect(zip: ZipArchive): Promise<AgconnectConfig> {
  const empty: AgconnectConfig = { clientAppId: null, clientPackageName: null, appInfoAppId: null, appInfoPackageName: null, error: null };
  const bytes = await apkResult(AGCONNECT_ASSET, 'corrupt-entry', () => zip.read(`assets/${AGCONNECT_ASSET}`, { maxBytes: MAX_JSON_BYTES }));
  if (!bytes.ok) return { ...empty, error: bytes.reason };
  const parsed = apkResultSync(AGCONNECT_ASSET, 'corrupt-entry', () => JSON.parse(bytes.value.toString('utf8').replace(/^\uFEFF/, '')) as unknown);
  if (!parsed.ok) return { ...empty, error: parsed.reason };
  const field = (section: string, key: string): string | null => {
    const s = (parsed.value as Record<string, unknown> | null)?.[section];
    const v = s && typeof s === 'object' ? (s as Record<string, unknown>)[key] : undefined;
    // HMS reads these as strings; a number here is kept as its text since the JSON is not compiled by aapt.
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
  };
  return {
    clientAppId: field('client', 'app_id'),
    clientPackageName: field('client', 'package_name'),
    appInfoAppId: field('app_info', 'app_id'),
    appInfoPackageName: field('app_info', 'package_name'),
    error: null,
  };
}

/** The app's own `string/<name>` resources (its package, not a bundled library's), resolved at the default configuration. */
function namedStrings(table: ResourceTable, names: readonly string[], pkg: string | null): ApkNamedString[] {
  const own = table.packages.find((p) => p.name === pkg)?.id ?? 0x7f;
  return names.flatMap((name): ApkNamedString[] => {
    const ids = table.idsByName('string', name);
    const id = ids.find((i) => i >>> 24 === own) ?? ids[0];
    if (id === undefined) return [];
    const entry = table.entry(id);
    if (!entry) return [];
    if (entry.complex || !entry.value) return [{ name, id, value: null, valueType: 'complex' }];
    const resolved = table.resolve(entry.value);
    if (!resolved.ok) return [{ name, id, value: null, valueType: 'unresolved' }];
    return [{ name, id, value: resolved.value.type === 'string' ? resolved.value.value : null, valueType: resolved.value.type }];
  });
}
