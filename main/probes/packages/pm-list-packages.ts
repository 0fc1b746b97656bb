import { cite, guard, parsed, toInt, unparsed, type Cited, type ParseResult } from '../parse-result.js';
import { commandFailure, toLines } from '../text.js';

/**
 * `pm list packages [-f] [-d|-e] [-s|-3] [-u] [-U] [--show-versioncode] [--user 0]`: one
 * `package:` line per package, optionally `package:<apk path>=<name>` (-f), then ` versionCode:<n>`
 * (--show-versioncode, Android 9+) and ` uid:<n>` (-U, Android 8+).
 * Printed by PackageManagerShellCommand.runListPackages
 * (https://android.googlesource.com/platform/frameworks/base/+/refs/heads/main/services/core/java/com/android/server/pm/PackageManagerShellCommand.java);
 * Android 7 and older print the same from the `pm` Java tool. Checked against outputs of Android 8 to 14.
 */
export interface ListedPackage {
  name: string;
  apkPath: string | null;
  versionCode: number | null;
  uid: number | null;
  line: string;
}

export interface PackageList {
  packages: Map<string, Cited<ListedPackage>>;
  skippedLines: number;
}

const NAME = /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*$/;

export function parsePmListPackages(text: string): ParseResult<PackageList> {
  return guard('pm list packages', () => {
    const failure = commandFailure(text);
    if (failure) return unparsed(`pm list packages failed: ${failure}`);
    const packages = new Map<string, Cited<ListedPackage>>();
    let skipped = 0;
    for (const raw of toLines(text)) {
      const line = raw.trim();
      if (line === '') continue;
      if (!line.startsWith('package:')) {
        skipped++;
        continue;
      }
      const [body = '', ...extras] = line.slice('package:'.length).split(/\s+/);
      // -f prints the APK path, then '=', then the name; paths contain '=' too (/data/app/~~abc==/...).
      const eq = body.lastIndexOf('=');
      const apkPath = eq > 0 && body.startsWith('/') ? body.slice(0, eq) : null;
      const name = apkPath !== null ? body.slice(eq + 1) : body;
      if (!NAME.test(name)) {
        skipped++;
        continue;
      }
      let versionCode: number | null = null;
      let uid: number | null = null;
      for (const extra of extras) {
        if (extra.startsWith('versionCode:')) versionCode = toInt(extra.slice('versionCode:'.length));
        else if (extra.startsWith('uid:')) uid = toInt(extra.slice('uid:'.length).split(',')[0]);
      }
      const pkg: ListedPackage = { name, apkPath, versionCode, uid, line };
      packages.set(name, cite(pkg, line));
    }
    if (packages.size === 0 && skipped > 0) return unparsed('no `package:` lines in pm list packages output');
    return parsed({ packages, skippedLines: skipped });
  });
}
