/**
 * Reading an app's build from its APK: `inspectApk(path)` gives the typed facts of common/domain/apk.ts
 * (what a capture stores as apk.json); the decoders underneath are exported for tools that need more.
 */
export { inspectApk, AGCONNECT_ASSET, type InspectOptions } from './inspect-apk.js';
export { ApkError, type ApkErrorCode, type ApkResult } from './apk-error.js';
export { openZip, DEFAULT_ENTRY_CAP, type ZipArchive, type ZipEntry } from './zip-reader.js';
export { decodeBinaryXml, type BinaryXml, type XmlAttribute, type XmlElement } from './binary-xml.js';
export { decodeResourceTable, type ResourceTable, type ResourceEntry, type ResourceConfig } from './resource-table.js';
export { manifestFacts } from './manifest-facts.js';
export { formatValue } from './res-value.js';
export { ATTR } from './android-attrs.js';
export { parseClickTarget, resolveClickTarget, type ClickTarget, type ClickResolution } from './click-target.js';
