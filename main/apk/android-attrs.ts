/**
 * Framework attribute ids (android.R.attr, fixed since API 1 for each attribute's first release) that the
 * manifest reader looks attributes up by. Values checked against `aapt dump xmltree` of the test APKs, which
 * prints each attribute's id next to its name.
 */
export const ATTR = {
  label: 0x01010001,
  name: 0x01010003,
  permission: 0x01010006,
  enabled: 0x0101000e,
  exported: 0x01010010,
  process: 0x01010011,
  authorities: 0x01010018,
  priority: 0x0101001c,
  value: 0x01010024,
  resource: 0x01010025,
  mimeType: 0x01010026,
  scheme: 0x01010027,
  host: 0x01010028,
  port: 0x01010029,
  path: 0x0101002a,
  pathPrefix: 0x0101002b,
  pathPattern: 0x0101002c,
  targetActivity: 0x01010202,
  minSdkVersion: 0x0101020c,
  versionCode: 0x0101021b,
  versionName: 0x0101021c,
  targetSdkVersion: 0x01010270,
  maxSdkVersion: 0x01010271,
  compileSdkVersion: 0x01010572,
} as const;

export const ANDROID_NAMESPACE = 'http://schemas.android.com/apk/res/android';
