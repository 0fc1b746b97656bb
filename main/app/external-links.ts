/**
 * Hosts whose pages the app may open in the user's browser: the consoles and documentation a
 * remedy points at. Anything else a page asks to open is refused, so injected content cannot use
 * the app to launch arbitrary URLs or local handlers (file:, smb:, custom schemes).
 */
export const EXTERNAL_HOSTS: readonly string[] = [
  'console.cloud.tencent.com',
  'cloud.tencent.com',
  'www.tencentcloud.com',
  'trtc.io',
  'developer.huawei.com',
  'developer.hihonor.com',
  'dev.mi.com',
  'open.oppomobile.com',
  'dev.vivo.com.cn',
  'open.flyme.cn',
  'console.firebase.google.com',
  'firebase.google.com',
  'developer.android.com',
  'dontkillmyapp.com',
  'github.com',
];

/** True for an https URL, without credentials or an odd port, on one of EXTERNAL_HOSTS exactly. */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && url.port === ''
    && EXTERNAL_HOSTS.includes(url.hostname);
}
