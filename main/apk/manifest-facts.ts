import {
  APK_COMPONENT_KINDS,
  type ApkComponent, type ApkComponentKind, type ApkIntentData, type ApkIntentFilter, type ApkManifestFacts,
  type ApkMetaData, type ApkUsesPermission, type ApkValue, type ManifestSource,
} from '../../common/domain/apk.js';
import { ANDROID_NAMESPACE, ATTR } from './android-attrs.js';
import type { XmlAttribute, XmlElement } from './binary-xml.js';
import type { ResourceTable } from './resource-table.js';

/**
 * The manifest facts the push checks read, from a decoded AndroidManifest.xml and (when the APK has one) its
 * resource table for `@…` values. Attributes are found by framework resource id, so renamed attribute strings
 * change nothing; only `package`, which has no id, is found by name.
 */

const POST_NOTIFICATIONS = 'android.permission.POST_NOTIFICATIONS';

export function manifestFacts(root: XmlElement, table: ResourceTable | null): ApkManifestFacts {
  const read = reader(table);
  const pkg = stringOf(root.attributes.find((a) => a.resourceId === null && a.namespace === null && a.name === 'package')?.value ?? null);
  const usesSdk = root.children.find((c) => c.name === 'uses-sdk');
  const application = root.children.find((c) => c.name === 'application');
  const usesPermissions: ApkUsesPermission[] = root.children
    .filter((c) => c.name === 'uses-permission' || c.name === 'uses-permission-sdk-23')
    .flatMap((c) => {
      const name = read.string(c, ATTR.name, 'name');
      return name === null ? [] : [{ name, maxSdkVersion: read.int(c, ATTR.maxSdkVersion, 'maxSdkVersion'), source: source(c) }];
    });
  return {
    package: pkg,
    versionCode: read.int(root, ATTR.versionCode, 'versionCode'),
    versionName: read.string(root, ATTR.versionName, 'versionName'),
    minSdk: usesSdk ? read.int(usesSdk, ATTR.minSdkVersion, 'minSdkVersion') : null,
    targetSdk: usesSdk ? read.int(usesSdk, ATTR.targetSdkVersion, 'targetSdkVersion') : null,
    compileSdk: read.int(root, ATTR.compileSdkVersion, 'compileSdkVersion'),
    usesPermissions,
    permissions: root.children.filter((c) => c.name === 'permission').flatMap((c) => nonNull(read.string(c, ATTR.name, 'name'))),
    postNotificationsDeclared: usesPermissions.some((p) => p.name === POST_NOTIFICATIONS),
    applicationEnabled: application ? read.bool(application, ATTR.enabled, 'enabled') : null,
    metaData: application ? metaDataOf(application, read) : [],
    components: application ? componentsOf(application, pkg, read) : [],
  };
}

type Reader = ReturnType<typeof reader>;

function reader(table: ResourceTable | null) {
  /** By id first; by android-namespace name only for a file with no resource map (hand-made or very old). */
  const attribute = (element: XmlElement, id: number, name: string): XmlAttribute | undefined =>
    element.attributes.find((a) => a.resourceId === id)
    ?? element.attributes.find((a) => a.resourceId === null && a.namespace === ANDROID_NAMESPACE && a.name === name);

  const named = (value: ApkValue): ApkValue =>
    value.type === 'reference' && table ? { ...value, name: table.nameOf(value.id) } : value;

  /** The compiled value, and where it is a reference the value it ends at (or why it does not resolve). */
  const valueOf = (element: XmlElement, id: number, name: string): { value: ApkValue; resolved: ApkValue | null; unresolved: string | null } | null => {
    const a = attribute(element, id, name);
    if (!a) return null;
    const value = named(a.value);
    if (value.type !== 'reference') return { value, resolved: value, unresolved: null };
    if (!table) return { value, resolved: null, unresolved: 'the APK has no readable resources.arsc' };
    const resolved = table.resolve(value);
    return resolved.ok ? { value, resolved: resolved.value, unresolved: null } : { value, resolved: null, unresolved: resolved.reason };
  };

  return {
    valueOf,
    named,
    string(element: XmlElement, id: number, name: string): string | null {
      return stringOf(valueOf(element, id, name)?.resolved ?? null);
    },
    int(element: XmlElement, id: number, name: string): number | null {
      const v = valueOf(element, id, name)?.resolved ?? null;
      if (v?.type === 'int') return v.value;
      // aapt keeps a codename (minSdkVersion="Q") or a quoted number as a string: only digits are a number.
      if (v?.type === 'string' && /^\d{1,9}$/.test(v.value)) return Number(v.value);
      return null;
    },
    bool(element: XmlElement, id: number, name: string): boolean | null {
      const v = valueOf(element, id, name)?.resolved ?? null;
      if (v?.type === 'boolean') return v.value;
      if (v?.type === 'string' && (v.value === 'true' || v.value === 'false')) return v.value === 'true';
      return null;
    },
  };
}

function stringOf(value: ApkValue | null): string | null {
  return value?.type === 'string' ? value.value : null;
}

function nonNull<T>(value: T | null): T[] {
  return value === null ? [] : [value];
}

function source(element: XmlElement): ManifestSource {
  return { element: element.name, line: element.line };
}

function metaDataOf(parent: XmlElement, read: Reader): ApkMetaData[] {
  return parent.children.filter((c) => c.name === 'meta-data').flatMap((c) => {
    const name = read.string(c, ATTR.name, 'name');
    if (name === null) return [];
    const value = read.valueOf(c, ATTR.value, 'value');
    const resource = read.valueOf(c, ATTR.resource, 'resource');
    return [{
      name,
      value: value?.value ?? null,
      resolved: value?.resolved ?? null,
      resource: resource?.value ?? null,
      unresolved: value?.unresolved ?? null,
      source: source(c),
    }];
  });
}

/** Android's rule for component names: ".Foo" and "Foo" are relative to the manifest package, "a.b.Foo" is not. */
function className(name: string, pkg: string | null): string {
  if (!pkg) return name;
  if (name.startsWith('.')) return pkg + name;
  return name.includes('.') ? name : `${pkg}.${name}`;
}

function componentsOf(application: XmlElement, pkg: string | null, read: Reader): ApkComponent[] {
  const kinds = new Set<string>(APK_COMPONENT_KINDS);
  return application.children.filter((c) => kinds.has(c.name)).flatMap((c) => {
    const name = read.string(c, ATTR.name, 'name');
    if (name === null) return [];
    const intentFilters = c.children.filter((f) => f.name === 'intent-filter').map((f) => intentFilterOf(f, read));
    const exported = read.bool(c, ATTR.exported, 'exported');
    const target = read.string(c, ATTR.targetActivity, 'targetActivity');
    const authorities = read.string(c, ATTR.authorities, 'authorities');
    return [{
      kind: c.name as ApkComponentKind,
      name: className(name, pkg),
      exported,
      exportedEffective: exported ?? intentFilters.length > 0,
      enabled: read.bool(c, ATTR.enabled, 'enabled'),
      permission: read.string(c, ATTR.permission, 'permission'),
      process: read.string(c, ATTR.process, 'process'),
      targetActivity: target === null ? null : className(target, pkg),
      authorities: authorities === null ? [] : authorities.split(';').map((a) => a.trim()).filter(Boolean),
      intentFilters,
      metaData: metaDataOf(c, read),
      source: source(c),
    }];
  });
}

function intentFilterOf(filter: XmlElement, read: Reader): ApkIntentFilter {
  const names = (tag: string): string[] =>
    filter.children.filter((c) => c.name === tag).flatMap((c) => nonNull(read.string(c, ATTR.name, 'name')));
  const data: ApkIntentData[] = filter.children.filter((c) => c.name === 'data').map((d) => ({
    scheme: read.string(d, ATTR.scheme, 'scheme'),
    host: read.string(d, ATTR.host, 'host'),
    port: read.string(d, ATTR.port, 'port') ?? intString(read.int(d, ATTR.port, 'port')),
    path: read.string(d, ATTR.path, 'path'),
    pathPrefix: read.string(d, ATTR.pathPrefix, 'pathPrefix'),
    pathPattern: read.string(d, ATTR.pathPattern, 'pathPattern'),
    mimeType: read.string(d, ATTR.mimeType, 'mimeType'),
  }));
  return { actions: names('action'), categories: names('category'), data, priority: read.int(filter, ATTR.priority, 'priority'), source: source(filter) };
}

function intString(n: number | null): string | null {
  return n === null ? null : String(n);
}
