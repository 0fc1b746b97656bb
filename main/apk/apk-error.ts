/**
 * The one error the APK readers raise. Input from a phone or a customer can be anything (truncated pulls,
 * hand-edited zips, hostile files), so every structural check throws this with a code a caller can branch on,
 * and the public entry points turn it into a result instead of letting it escape.
 */
export type ApkErrorCode =
  | 'io' // the file could not be opened or read
  | 'not-zip' // no end-of-central-directory record
  | 'bad-zip' // a zip structure points outside the file or contradicts itself
  | 'unsupported' // encrypted entries, compression other than stored/deflate, multi-disk archives
  | 'too-large' // an entry is bigger than the caller's cap
  | 'corrupt-entry' // inflate failed or the CRC does not match
  | 'missing-entry' // the entry asked for is not in the archive
  | 'bad-xml' // binary XML chunk structure is invalid
  | 'bad-table'; // resources.arsc chunk structure is invalid

export class ApkError extends Error {
  constructor(readonly code: ApkErrorCode, message: string) {
    super(message);
    this.name = 'ApkError';
  }
}

export type ApkResult<T> = { ok: true; value: T } | { ok: false; code: ApkErrorCode; reason: string };

/** Runs `fn`, turning an ApkError — or any exception a malformed input provoked — into a failed result. */
export async function apkResult<T>(what: string, fallback: ApkErrorCode, fn: () => Promise<T>): Promise<ApkResult<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    return failure(what, fallback, error);
  }
}

export function apkResultSync<T>(what: string, fallback: ApkErrorCode, fn: () => T): ApkResult<T> {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    return failure(what, fallback, error);
  }
}

/**
 * `fallback` names what any other exception means here: a RangeError from a Buffer read past the end of a
 * truncated chunk is malformed input of the format being decoded, not a bug to crash on.
 */
function failure(what: string, fallback: ApkErrorCode, error: unknown): { ok: false; code: ApkErrorCode; reason: string } {
  if (error instanceof ApkError) return { ok: false, code: error.code, reason: `${what}: ${error.message}` };
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, code: fallback, reason: `${what}: ${message}` };
}
