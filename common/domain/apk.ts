/**
 * What Push Doctor reads from an app's APK (AndroidManifest.xml, resources.arsc, packaged assets): the facts
 * section 2 of ../shared/spec/checklist.md is checked against. Plain data, JSON-serialisable, so a capture can
 * store it as `apk.json` and `analyze` reads the same facts without the APK.
 *
 * Every manifest value keeps its compiled type: aapt turns `android:value="104412345"` into an integer, and
 * `Bundle.getString()` on the phone returns null for it, so "the value is 104412345" alone would hide a real bug.
 */

/** Android's Res_value, decoded: the type the compiler chose plus the value in that type. */
export type ApkValue =
  | { type: 'string'; value: string }
  /** TYPE_INT_DEC (0x10) or TYPE_INT_HEX (0x11): how the source spelled it, kept since both are ints to Android. */
  | { type: 'int'; format: 'dec' | 'hex'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'float'; value: number }
  | { type: 'dimension'; value: number; unit: 'px' | 'dp' | 'sp' | 'pt' | 'in' | 'mm' | 'unknown' }
  | { type: 'fraction'; value: number; unit: '%' | '%p' | 'unknown' }
  /** TYPE_INT_COLOR_*: `#aarrggbb` whatever the source spelling. */
  | { type: 'color'; value: string }
  /** `@…` to a resource (TYPE_REFERENCE / TYPE_DYNAMIC_REFERENCE); `name` is "type/entry" when the table knows it. */
  | { type: 'reference'; id: number; name: string | null }
  /** `?…` to a theme attribute: only the phone's theme can resolve it. */
  | { type: 'attribute'; id: number }
  /** TYPE_NULL: `empty` is @empty (data 1), otherwise undefined. */
  | { type: 'null'; empty: boolean }
  /** A type byte Android defines no meaning for: kept raw rather than guessed. */
  | { type: 'unknown'; dataType: number; data: number };

/** A manifest element's position, for evidence: the source line aapt recorded in the binary XML. */
export interface ManifestSource {
  /** e.g. "meta-data", "service". */
  element: string;
  line: number;
}

export interface ApkMetaData {
  name: string;
  /** `android:value` as compiled (a reference stays a reference here). */
  value: ApkValue | null;
  /**
   * `android:value` after following references through resources.arsc; equals `value` when it is no reference.
   * null when there is no value or the reference does not resolve (see `unresolved`).
   */
  resolved: ApkValue | null;
  /** `android:resource`, the id of a resource the meta-data points to (read with Bundle.getInt()). */
  resource: ApkValue | null;
  /** Why `resolved` is null although `value` is set. */
  unresolved: string | null;
  source: ManifestSource;
}

export interface ApkIntentData {
  scheme: string | null;
  host: string | null;
  port: string | null;
  path: string | null;
  pathPrefix: string | null;
  pathPattern: string | null;
  mimeType: string | null;
}

export interface ApkIntentFilter {
  actions: string[];
  categories: string[];
  data: ApkIntentData[];
  priority: number | null;
  source: ManifestSource;
}

export const APK_COMPONENT_KINDS = ['activity', 'activity-alias', 'service', 'receiver', 'provider'] as const;
export type ApkComponentKind = (typeof APK_COMPONENT_KINDS)[number];

export interface ApkComponent {
  kind: ApkComponentKind;
  /** Fully qualified class name (a leading "." is expanded with the manifest package). */
  name: string;
  /** `android:exported` as declared; null when the manifest does not say. */
  exported: boolean | null;
  /**
   * What Android applies: the declared value, else true exactly when the component has an intent filter (the
   * default before targetSdk 31; from 31 on such a manifest does not install, so the default only matters below).
   */
  exportedEffective: boolean;
  /** `android:enabled` as declared (resolved through resources); null when absent (Android's default is true). */
  enabled: boolean | null;
  permission: string | null;
  process: string | null;
  /** activity-alias: the activity it stands for. */
  targetActivity: string | null;
  /** provider: authorities as declared (`;`-separated in the manifest, split here). */
  authorities: string[];
  intentFilters: ApkIntentFilter[];
  metaData: ApkMetaData[];
  source: ManifestSource;
}

export interface ApkUsesPermission {
  name: string;
  maxSdkVersion: number | null;
  source: ManifestSource;
}

/** `assets/agconnect-services.json` (Huawei AppGallery Connect), the fields HMS reads. */
export interface AgconnectConfig {
  clientAppId: string | null;
  clientPackageName: string | null;
  appInfoAppId: string | null;
  appInfoPackageName: string | null;
  /** Why the file could not be read as JSON; null when it parsed. */
  error: string | null;
}

/** A string resource of the app's own package, at the configuration a phone without overrides would use. */
export interface ApkNamedString {
  name: string;
  /** null when the resource exists but is not a plain string (see `valueType`). */
  value: string | null;
  /** 'complex' for an array/style/plurals; 'unresolved' for a reference that leads nowhere. */
  valueType: ApkValue['type'] | 'complex' | 'unresolved';
  id: number;
  /** The value is a credential (an API key) and is left out of facts, reports and captures; `value` is then null. */
  withheld?: boolean;
}

export interface ApkManifestFacts {
  package: string | null;
  versionCode: number | null;
  versionName: string | null;
  minSdk: number | null;
  targetSdk: number | null;
  compileSdk: number | null;
  usesPermissions: ApkUsesPermission[];
  /** Permissions the app defines (`<permission>`). */
  permissions: string[];
  /** `android.permission.POST_NOTIFICATIONS` is among `usesPermissions`. */
  postNotificationsDeclared: boolean;
  applicationEnabled: boolean | null;
  /** `<application>`'s own `<meta-data>`: what the push SDKs read with getApplicationInfo(…).metaData. */
  metaData: ApkMetaData[];
  components: ApkComponent[];
}

export interface ApkFacts {
  manifest: ApkManifestFacts;
  /** Names of every entry under `assets/`, without the prefix. */
  assets: string[];
  /** null when `assets/agconnect-services.json` is not packaged. */
  agconnect: AgconnectConfig | null;
  /** The Firebase / google-services strings and any others asked for; names absent from the table are left out. */
  strings: ApkNamedString[];
  /** resources.arsc was absent or unreadable: string facts are then unknown, not empty. */
  resourcesError: string | null;
}

/** Strings whose values are credentials: their presence is a fact, their value never leaves the APK. */
export const SECRET_STRINGS: ReadonlySet<string> = new Set(['google_api_key', 'google_crash_reporting_api_key']);

/** The facts without credential values, as every report, capture and log must carry them. */
export function withoutSecrets(facts: ApkFacts): ApkFacts {
  return {
    ...facts,
    strings: facts.strings.map((s) => (SECRET_STRINGS.has(s.name) && s.value !== null ? { ...s, value: null, withheld: true } : s)),
  };
}

/** String resources the google-services Gradle plugin generates from google-services.json. */
export const GOOGLE_SERVICES_STRINGS = [
  'google_app_id', 'gcm_defaultSenderId', 'project_id', 'google_api_key', 'google_crash_reporting_api_key',
  'google_storage_bucket', 'default_web_client_id', 'firebase_database_url',
] as const;
