import { cite, guard, parsed, toBool, toInt, unparsed, type Cited, type ParseResult } from '../parse-result.js';
import { commandFailure, indentOf, toLines } from '../text.js';

/**
 * `dumpsys package PKG`: the `Packages:` section's `Package [PKG] (hash):` block — versionCode/minSdk/
 * targetSdk, versionName, userId/appId, install permissions, and per user the `User N:` state line
 * (installed, hidden, stopped, notLaunched, enabled) with its runtime permissions.
 * Printed by Settings.dumpPackageLPr
 * (https://android.googlesource.com/platform/frameworks/base/+/refs/heads/main/services/core/java/com/android/server/pm/Settings.java).
 * Field names checked against Android 8 (`userId=`, no distractionFlags), 9 (suspendingPackage/dialogMessage),
 * 10–13 (distractionFlags, `lastDisabledCaller:`), 12+ (`appId=`), 14–16 (deDataInode, quarantined).
 * The `Hidden system packages:` copy of an updated system app is ignored: it describes the factory APK.
 */
export interface PermissionState {
  granted: boolean;
  flags: string[];
}

export interface PackageUserState {
  userId: number;
  installed: boolean | null;
  hidden: boolean | null;
  suspended: boolean | null;
  stopped: boolean | null;
  notLaunched: boolean | null;
  /** PackageManager COMPONENT_ENABLED_STATE_*: 0 default, 1 enabled, 2 disabled, 3 disabled-user, 4 disabled-until-used. */
  enabledState: number | null;
  runtimePermissions: Map<string, Cited<PermissionState>>;
}

export interface PackageDump {
  package: string;
  /** False when the output has no block for the package (not installed, or for no user). */
  found: boolean;
  appId: Cited<number> | null;
  versionCode: Cited<number> | null;
  minSdk: Cited<number> | null;
  targetSdk: Cited<number> | null;
  versionName: Cited<string> | null;
  pkgFlags: Cited<string[]> | null;
  installPermissions: Map<string, Cited<PermissionState>>;
  requestedPermissions: string[];
  users: Map<number, Cited<PackageUserState>>;
}

const PACKAGE_HEADER = /^\s*Package \[([^\]]+)\] \(([0-9a-f]+)\):\s*$/;
const USER_LINE = /^User (\d+):(.*)$/;
const PERMISSION_LINE = /^([\w.$-]+): granted=(true|false)(?:, flags=\[\s*([^\]]*)\])?/;

function field(line: string, key: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${key}=(\\S+)`).exec(line);
  return m?.[1];
}


function emptyDump(pkg: string): PackageDump {
  return {
    package: pkg, found: false, appId: null, versionCode: null, minSdk: null, targetSdk: null, versionName: null,
    pkgFlags: null, installPermissions: new Map(), requestedPermissions: [], users: new Map(),
  };
}

export function parseDumpsysPackage(text: string, pkg: string): ParseResult<PackageDump> {
  return guard('dumpsys package', () => {
    const failure = commandFailure(text);
    if (failure) return unparsed(`dumpsys package failed: ${failure}`);
    const lines = toLines(text);
    if (lines.length === 0) return unparsed('dumpsys package output is empty');

    let start = -1;
    let inHidden = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (line.startsWith('Hidden system packages:')) inHidden = true;
      else if (line.length > 0 && line[0] !== ' ') inHidden = false;
      const m = PACKAGE_HEADER.exec(line);
      if (m && m[1] === pkg && !inHidden) {
        start = i;
        break;
      }
    }
    const dump = emptyDump(pkg);
    if (start < 0) return parsed(dump);
    dump.found = true;

    const headerIndent = indentOf(lines[start] ?? '');
    let section: 'none' | 'install' | 'requested' | 'runtime' | 'other' = 'none';
    let sectionIndent = 0;
    let currentUser: PackageUserState | null = null;

    for (let i = start + 1; i < lines.length; i++) {
      const raw = lines[i] ?? '';
      if (raw.trim() === '') {
        // A blank line ends the block in every Android version's dump.
        break;
      }
      const indent = indentOf(raw);
      if (indent <= headerIndent) break;
      const line = raw.trim();

      if (section !== 'none' && indent <= sectionIndent) section = 'none';

      if (section === 'install' || section === 'runtime') {
        const p = PERMISSION_LINE.exec(line);
        if (p) {
          const state = cite({ granted: p[2] === 'true', flags: splitFlags(p[3]) }, line);
          if (section === 'install') dump.installPermissions.set(p[1] ?? '', state);
          else currentUser?.runtimePermissions.set(p[1] ?? '', state);
        }
        continue;
      }
      if (section === 'requested') {
        const name = /^([\w.$-]+)/.exec(line)?.[1];
        if (name) dump.requestedPermissions.push(name);
        continue;
      }
      // Android 8.1 and OEM ROMs built on 11 (ColorOS) print `overlay paths:` at the `User N:` line's indent,
      // so the user's `gids=` and `runtime permissions:` end up nested under it: the grants still belong to the user.
      if (section === 'other' && !line.startsWith('runtime permissions:')) continue;

      const user = USER_LINE.exec(line);
      if (user) {
        const rest = user[2] ?? '';
        currentUser = {
          userId: Number(user[1]),
          installed: toBool(field(rest, 'installed')),
          hidden: toBool(field(rest, 'hidden')),
          suspended: toBool(field(rest, 'suspended')),
          stopped: toBool(field(rest, 'stopped')),
          notLaunched: toBool(field(rest, 'notLaunched')),
          enabledState: toInt(field(rest, 'enabled')),
          runtimePermissions: new Map(),
        };
        dump.users.set(currentUser.userId, cite(currentUser, line));
        continue;
      }
      if (line.startsWith('install permissions:')) {
        section = 'install';
        sectionIndent = indent;
        continue;
      }
      if (line.startsWith('runtime permissions:')) {
        section = 'runtime';
        sectionIndent = indent;
        continue;
      }
      if (line.startsWith('requested permissions:')) {
        section = 'requested';
        sectionIndent = indent;
        continue;
      }
      if (/^[\w ]+:$/.test(line) && !line.includes('=')) {
        section = 'other';
        sectionIndent = indent;
        continue;
      }
      readPackageField(dump, line);
    }
    return parsed(dump);
  });
}

function readPackageField(dump: PackageDump, line: string): void {
  if (line.startsWith('versionCode=')) {
    const code = toInt(field(line, 'versionCode'));
    if (code !== null) dump.versionCode = cite(code, line);
    const min = toInt(field(line, 'minSdk'));
    if (min !== null) dump.minSdk = cite(min, line);
    const target = toInt(field(line, 'targetSdk'));
    if (target !== null) dump.targetSdk = cite(target, line);
  } else if (line.startsWith('versionName=')) {
    dump.versionName = cite(line.slice('versionName='.length), line);
  } else if (line.startsWith('userId=') || line.startsWith('appId=')) {
    const id = toInt(line.slice(line.indexOf('=') + 1).split(/\s/)[0]);
    if (id !== null && dump.appId === null) dump.appId = cite(id, line);
  } else if (line.startsWith('pkgFlags=[')) {
    const inner = line.slice('pkgFlags=['.length, line.lastIndexOf(']'));
    dump.pkgFlags = cite(inner.split(/\s+/).filter(Boolean), line);
  }
}

function splitFlags(text: string | undefined): string[] {
  if (!text) return [];
  return text.split(/[|\s]+/).filter(Boolean);
}
