import { PLATFORM_TOOLS_URL } from '../adb/find-adb.js';
import { TENCENT_PUSH_CHECK_TOOL, VENDORS } from '../../common/vendors/vendor-table.js';

/**
 * The pages the app may open in the user's browser: exactly the consoles and documentation pages
 * the vendor table lists (and the two other links the app shows: the Tencent push check tool and
 * Google's Platform-Tools download), each by its whole URL. Not whole hosts: a code-hosting or
 * blogging site serves pages anyone can write, so allowing its host would let injected content use
 * the app to open any page there; and nothing else a page asks to open (file:, smb:, custom
 * schemes, other sites) is passed to the OS.
 */
export const EXTERNAL_URLS: readonly string[] = [
  ...new Set([
    ...Object.values(VENDORS).flatMap((v) => [...v.consoles.map((c) => c.url), ...v.restrictions.docs]),
    TENCENT_PUSH_CHECK_TOOL,
    PLATFORM_TOOLS_URL,
  ].map((u) => new URL(u).href)),
];

/**
 * True for a URL, without credentials or a port, that is one of EXTERNAL_URLS once parsed (so
 * `https://developer.honor.com` and `…honor.com/` are the same page, and a look-alike host, another
 * path, an added query or http instead of https is not). The scheme is part of the match: Meizu
 * publishes its push pages over plain http only, so those two are allowed exactly as listed and no
 * other http URL is.
 */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '' && url.port === ''
    && EXTERNAL_URLS.includes(url.href);
}
