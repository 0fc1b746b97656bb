/**
 * Captured outputs reach us from every kind of machine: `adb shell getprop > getprop.txt` in Windows
 * PowerShell writes UTF-16LE with a byte-order mark, other tools write UTF-8 with or without one, and
 * line endings may be CRLF or (from old `adb shell` PTYs) CRCRLF. Every parser reads text through here
 * so that a file analyses the same wherever it was saved.
 */

/** Decodes raw bytes, honouring a UTF-8/UTF-16 byte-order mark; without one, UTF-8. */
export function decodeCapture(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (looksLikeBomlessUtf16le(bytes)) return new TextDecoder('utf-16le').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** ASCII text saved as UTF-16LE without a BOM has a NUL in every odd byte. */
function looksLikeBomlessUtf16le(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 8) return false;
  let zeros = 0;
  for (let i = 1; i < n; i += 2) if (bytes[i] === 0) zeros++;
  return zeros > (n / 2) * 0.9;
}

/**
 * Normalises text that was already decoded (possibly wrongly): strips a leading BOM, drops the NULs a UTF-16
 * file leaves when read as 8-bit text, and turns line ends into LF: a run of CRs ending in LF (CRLF, and the
 * CRCRLF of old `adb shell` PTYs) is one LF, a CR not followed by LF is one LF each. NULs inside such a run do
 * not split it, since they are dropped first. One pass over the text: a run of n CRs costs O(n), where
 * rewriting the string once per CR cost O(n²) (100 000 CRs took minutes).
 */
export function normalizeText(text: string): string {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.indexOf('\r', start) < 0 && text.indexOf('\0', start) < 0) return start === 0 ? text : text.slice(start);
  const parts: string[] = [];
  const n = text.length;
  let copyFrom = start;
  let i = start;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c !== 13 && c !== 0) {
      i++;
      continue;
    }
    if (copyFrom < i) parts.push(text.slice(copyFrom, i));
    if (c === 0) {
      i++;
      copyFrom = i;
      continue;
    }
    // A run of CRs (NULs inside it are dropped): one LF if an LF ends it, else one LF per CR.
    let crs = 0;
    let j = i;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 13) crs++;
      else if (d !== 0) break;
      j++;
    }
    if (j < n && text.charCodeAt(j) === 10) {
      parts.push('\n');
      j++;
    } else {
      parts.push('\n'.repeat(crs));
    }
    i = j;
    copyFrom = i;
  }
  if (copyFrom < n) parts.push(text.slice(copyFrom));
  return parts.join('');
}

/**
 * The cheap part of normalizeText, for scanners that trim every line they read anyway: a BOM and NULs
 * are removed, CRs stay (rewriting every line end of a multi-megabyte dump costs more than parsing it).
 */
export function stripEncodingNoise(text: string): string {
  let t = text;
  if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
  if (t.includes('\0')) t = t.replaceAll('\0', '');
  return t;
}

export function toLines(text: string): string[] {
  const t = normalizeText(text);
  if (t.length === 0) return [];
  const lines = t.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Leading spaces/tabs: dumpsys nests sections by indentation alone. */
export function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  return i;
}

/** Outputs that mean the command itself did not run, whatever parser reads them. */
const COMMAND_FAILURES: readonly RegExp[] = [
  /^\/system\/bin\/sh: .*: (?:not found|inaccessible or not found)/,
  /^(?:\/system\/bin\/sh: )?\S+: not found$/,
  /^Can't find service: /,
  /^cmd: Can't find service: /,
  /^cmd: Failure calling service /,
  /^Unknown command: /,
  /^Error: (?:unknown|Unknown) command/,
  /^Exception occurred while executing/,
  /^java\.lang\.\w+(?:Exception|Error)/,
  /^Security exception: /,
  /^error: (?:device|no devices|closed|more than one device)/,
  /^Permission Denial: /,
];

/** The first line of `text` that says the command failed, if any, checked in the first few lines only. */
export function commandFailure(text: string): string | null {
  // Only the head matters: reading the whole of a multi-megabyte dump here would cost more than parsing it.
  const lines = toLines(text.slice(0, 2048)).slice(0, 5);
  for (const raw of lines) {
    const line = raw.trim();
    if (COMMAND_FAILURES.some((re) => re.test(line))) return line;
  }
  return null;
}
